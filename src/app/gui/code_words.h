// A state or outcome code in words, through a reason-words function (RegistrationWorkflow::reasonWords)
// keyed by prefix + code ("sync.pending", "outcome.match", "liveness.not_run"); the code itself when
// the function has no words for it (or there is no function). Thread-safety: pure.
#pragma once

#include <QString>

#include <functional>

namespace simkyc::app {

inline QString codeWords(const std::function<QString(const QString &)> &words, const QString &prefix,
                         const QString &code)
{
    const QString found = words && !code.isEmpty() ? words(prefix + code) : QString();
    return found.isEmpty() ? code : found;
}

} // namespace simkyc::app
