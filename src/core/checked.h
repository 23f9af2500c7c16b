// Checked<T, Rule>: the outcome of checking input against an ordered list of rules. Either the
// parsed value, or the FIRST rule that failed together with its Error (stable code + message that
// names the rule and never repeats the input). The UI shows failedRule(); code that only needs a
// Result<T> takes result().
// Thread-safety: value type, no shared state.
#pragma once

#include "core/result.h"

#include <optional>
#include <string>
#include <utility>

namespace simkyc::core {

template <typename T, typename Rule>
class [[nodiscard]] Checked {
public:
    static Checked pass(T value) { return Checked(Result<T>(std::move(value)), std::nullopt); }
    static Checked fail(Rule rule, ErrorCode code, std::string message)
    {
        return Checked(Result<T>(code, std::move(message)), rule);
    }

    [[nodiscard]] bool ok() const { return m_result.ok(); }
    explicit operator bool() const { return ok(); }

    // value() and error() assert on misuse exactly like Result<T>.
    [[nodiscard]] const T &value() const & { return m_result.value(); }
    [[nodiscard]] T &&value() && { return std::move(m_result).value(); }
    [[nodiscard]] const Error &error() const { return m_result.error(); }

    // The rule that rejected the input; nullopt when ok().
    [[nodiscard]] std::optional<Rule> failedRule() const { return m_rule; }

    [[nodiscard]] const Result<T> &result() const & { return m_result; }
    [[nodiscard]] Result<T> result() && { return std::move(m_result); }

private:
    Checked(Result<T> result, std::optional<Rule> rule) : m_result(std::move(result)), m_rule(rule) {}

    Result<T> m_result;
    std::optional<Rule> m_rule;
};

} // namespace simkyc::core
