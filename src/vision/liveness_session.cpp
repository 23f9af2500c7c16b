#include "vision/liveness_session.h"

#include "vision/matcher.h"

#include <sys/random.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace simkyc::vision {

std::string_view challengeName(Challenge challenge)
{
    switch (challenge) {
    case Challenge::Blink: return "blink";
    case Challenge::TurnLeft: return "left";
    case Challenge::TurnRight: return "right";
    }
    return "blink";
}

Result<Challenge> parseChallenge(std::string_view name)
{
    if (name == "blink")
        return Challenge::Blink;
    if (name == "left")
        return Challenge::TurnLeft;
    if (name == "right")
        return Challenge::TurnRight;
    return {ErrorCode::InvalidFormat, "unknown challenge '" + std::string(name) + "' (blink, left or right)"};
}

std::string_view challengeOutcomeName(ChallengeOutcome outcome)
{
    switch (outcome) {
    case ChallengeOutcome::Pending: return "pending";
    case ChallengeOutcome::Passed: return "passed";
    case ChallengeOutcome::TimedOut: return "timed_out";
    case ChallengeOutcome::WrongDirection: return "wrong_direction";
    case ChallengeOutcome::FlatSurface: return "flat_surface";
    }
    return "pending";
}

std::string_view sessionStateName(SessionState state)
{
    switch (state) {
    case SessionState::WaitingForFace: return "waiting_for_face";
    case SessionState::Running: return "running";
    case SessionState::Paused: return "paused";
    case SessionState::Passed: return "passed";
    case SessionState::Failed: return "failed";
    }
    return "running";
}

Result<std::vector<ChallengePrompt>> parsePromptScript(std::string_view text)
{
    std::vector<ChallengePrompt> out;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t comma = std::min(text.find(',', pos), text.size());
        const std::string_view item = text.substr(pos, comma - pos);
        pos = comma + 1;
        if (item.empty())
            return {ErrorCode::InvalidFormat, "empty item in the challenge list"};
        const size_t at = item.find('@');
        auto challenge = parseChallenge(item.substr(0, at));
        if (!challenge.ok())
            return challenge.error();
        ChallengePrompt prompt{*challenge, -1.0};
        if (at != std::string_view::npos) {
            const std::string seconds(item.substr(at + 1));
            char *end = nullptr;
            const double value = std::strtod(seconds.c_str(), &end);
            if (seconds.empty() || end != seconds.c_str() + seconds.size() || !(value >= 0.0) || value > 600.0)
                return {ErrorCode::InvalidFormat, "bad prompt time '" + seconds + "' (seconds, 0-600)"};
            prompt.promptMs = value * 1000.0;
        }
        out.push_back(prompt);
        if (comma == text.size())
            break;
    }
    if (out.empty() || out.size() > 5)
        return {ErrorCode::InvalidFormat, "between 1 and 5 challenges are needed"};
    return out;
}

bool isBalancedPlan(const std::vector<Challenge> &plan)
{
    const auto blinks = std::count(plan.begin(), plan.end(), Challenge::Blink);
    return plan.size() < 2 || (blinks > 0 && blinks < static_cast<long>(plan.size()));
}

Result<std::vector<Challenge>> ChallengePlanner::draw(int count)
{
    if (count < 1 || count > 5)
        return {ErrorCode::InvalidArgument, "challenge count must be 1-5"};
    for (int attempt = 0; attempt < 1000; ++attempt) {
        std::vector<unsigned char> bytes(static_cast<size_t>(count));
        if (getrandom(bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size()))
            return {ErrorCode::Internal, "the kernel's random source failed"};
        std::vector<Challenge> draw;
        for (unsigned char b : bytes) {
            unsigned char v = b;
            while (v >= 255) // 255 = 3 * 85: reject to keep the three outcomes equally likely
                if (getrandom(&v, 1, 0) != 1)
                    return {ErrorCode::Internal, "the kernel's random source failed"};
            draw.push_back(static_cast<Challenge>(v % 3));
        }
        if (!isBalancedPlan(draw))
            continue;
        if (draw != m_previous) {
            m_previous = draw;
            return draw;
        }
    }
    return {ErrorCode::Internal, "could not draw a new challenge sequence"};
}

LivenessSession::LivenessSession(std::vector<ChallengePrompt> script, SessionConfig config, IdentitySampler identity)
    : m_script(std::move(script)), m_config(config), m_blinks(config.blink), m_turns(config.turn),
      m_sampler(std::move(identity))
{
    for (const auto &p : m_script)
        m_result.challenges.push_back(ChallengeResult{p.challenge});
}

ChallengeResult *LivenessSession::active()
{
    if (m_current >= m_result.challenges.size() || m_result.challenges[m_current].promptMs < 0.0)
        return nullptr;
    return &m_result.challenges[m_current];
}

std::optional<Challenge> LivenessSession::currentPrompt() const
{
    if (finished() || m_current >= m_result.challenges.size() || m_result.challenges[m_current].promptMs < 0.0)
        return std::nullopt;
    return m_result.challenges[m_current].challenge;
}

void LivenessSession::fail(const std::string &reason)
{
    if (finished())
        return;
    m_state = SessionState::Failed;
    m_result.passed = false;
    if (std::find(m_result.reasons.begin(), m_result.reasons.end(), reason) == m_result.reasons.end())
        m_result.reasons.push_back(reason);
}

void LivenessSession::onClosure(const EyeClosureEvent &e)
{
    ChallengeResult *c = active();
    if (c == nullptr || c->challenge != Challenge::Blink || !e.isBlink())
        return;
    const double start = e.startMs - m_startMs;
    const double end = e.endMs - m_startMs;
    if (start < c->promptMs)
        return; // began before the prompt: not an answer to it
    if (end - c->promptMs < m_config.minReactionMs || start - c->promptMs < m_config.minStartDelayMs) {
        ++c->ignoredTooFast;
        return;
    }
    c->outcome = ChallengeOutcome::Passed;
    c->completedMs = end;
    c->startFrame = e.startFrame;
    c->endFrame = e.endFrame;
    m_sampleDue = true; // the end of the gesture
}

void LivenessSession::onTurn(const TurnEvent &t)
{
    ChallengeResult *c = active();
    if (c == nullptr || c->challenge == Challenge::Blink)
        return;
    const double peak = t.peakMs - m_startMs;
    if (peak < c->promptMs)
        return; // turned before the prompt
    const bool left = t.direction == TurnDirection::Left;
    if (left != (c->challenge == Challenge::TurnLeft)) {
        c->outcome = ChallengeOutcome::WrongDirection;
        c->startFrame = t.startFrame;
        c->endFrame = t.endFrame;
        c->peakYawDeg = t.peakYawDeg;
        fail("wrong_direction");
        return;
    }
    // A turn starts at its last frontal frame, which may be the prompt's own frame: it must not be
    // earlier, and the peak must come no sooner than the minimum reaction time.
    if (peak - c->promptMs < m_config.minReactionMs || t.startMs - m_startMs < c->promptMs - 1.0) {
        ++c->ignoredTooFast;
        return;
    }
    c->startFrame = t.startFrame;
    c->endFrame = t.endFrame;
    c->peakYawDeg = t.peakYawDeg;
    // The planar-surface test: a photo or screen tilted to fake the turn keeps its landmarks on a
    // homography of the frontal reference.
    std::vector<double> turned;
    for (size_t i = 0; i < m_result.trace.size(); ++i) {
        const auto &s = m_result.trace[i];
        if (s.frame >= t.startFrame && s.frame <= t.endFrame && std::abs(s.yawDeg) >= m_config.turnedYawDeg &&
            m_result.planarResiduals[i] >= 0.0)
            turned.push_back(m_result.planarResiduals[i]);
    }
    double residual = -1.0;
    if (!turned.empty()) {
        std::nth_element(turned.begin(), turned.begin() + static_cast<long>(turned.size() / 2), turned.end());
        residual = turned[turned.size() / 2];
    }
    c->planarResidual = residual;
    if (residual < m_config.minTurnResidualIod) {
        c->outcome = ChallengeOutcome::FlatSurface;
        fail("flat_surface");
        return;
    }
    c->outcome = ChallengeOutcome::Passed;
    c->completedMs = t.endMs - m_startMs;
    m_sampleDue = true; // the end of the gesture
}

void LivenessSession::advance(double now)
{
    while (!finished() && m_current < m_result.challenges.size()) {
        ChallengeResult &c = m_result.challenges[m_current];
        if (c.outcome == ChallengeOutcome::Passed) {
            ++m_current;
            m_pausedMs = 0.0;
            m_readyAtMs = c.completedMs + m_config.nextPromptDelayMs;
            continue;
        }
        if (c.promptMs < 0.0) {
            const double scripted = m_script[m_current].promptMs;
            const double due = scripted >= 0.0 ? std::max(scripted, m_readyAtMs) : m_readyAtMs;
            if (due < 0.0 || now < due)
                return;
            c.promptMs = due;
            m_sampleDue = true; // the start of the challenge
            return;
        }
        if (now - c.promptMs - m_pausedMs > m_config.timeoutMs) {
            c.outcome = ChallengeOutcome::TimedOut;
            fail("challenge_timeout");
        }
        return;
    }
    if (!finished() && m_current >= m_result.challenges.size() && matchFramesAgree()) {
        m_state = SessionState::Passed;
        m_result.passed = true;
    }
}

std::optional<double> LivenessSession::centroidDistance(const Embedding &embedding, double timeMs) const
{
    std::vector<Embedding> others;
    for (size_t i = 0; i < m_samples.size(); ++i)
        if (!m_sampleTurned[i] && std::abs(m_sampleMs[i] - timeMs) > m_config.identity.centroidExcludeMs)
            others.push_back(m_samples[i]);
    if (static_cast<int>(others.size()) < m_config.identity.minCentroidSamples)
        return std::nullopt;
    return embeddingDistance(embedding, meanEmbedding(others));
}

bool LivenessSession::sampleIdentity(const Image &image, const FaceBox &box, std::int64_t frame, double timeMs,
                                     bool turned, bool record)
{
    const std::optional<Embedding> embedding = m_sampler(image, box);
    IdentityEvidence &id = m_result.identity;
    if (!embedding) {
        ++id.unsampled;
        return false;
    }
    for (const Embedding &other : m_samples)
        id.maxDistance = std::max(id.maxDistance, embeddingDistance(*embedding, other));
    if (const auto d = turned ? std::nullopt : centroidDistance(*embedding, timeMs))
        id.maxCentroidDistance = std::max(id.maxCentroidDistance, *d);
    if (record) {
        m_samples.push_back(*embedding);
        m_sampleMs.push_back(timeMs);
        m_sampleTurned.push_back(turned);
        ++id.samples;
        id.frames.push_back(frame);
        m_lastSampleMs = m_lastMs;
    }
    if (id.maxDistance > m_config.identity.maxDistance ||
        id.maxCentroidDistance > m_config.identity.maxCentroidDistance)
        fail("identity_changed");
    return true;
}

bool LivenessSession::matchFramesAgree()
{
    if (!m_sampler)
        return true;
    // Every sample once more against all the others, the later ones included.
    IdentityEvidence &id = m_result.identity;
    for (size_t i = 0; i < m_samples.size(); ++i)
        if (const auto d = m_sampleTurned[i] ? std::nullopt : centroidDistance(m_samples[i], m_sampleMs[i]))
            id.maxCentroidDistance = std::max(id.maxCentroidDistance, *d);
    if (id.maxCentroidDistance > m_config.identity.maxCentroidDistance) {
        fail("identity_changed");
        return false;
    }
    auto &best = m_result.bestFrames;
    for (auto it = best.begin(); it != best.end();) {
        if (!sampleIdentity(it->image, it->box, it->frame, it->timeMs, false, false)) { // match frames are frontal
            it = best.erase(it); // the matcher could not embed it either
            continue;
        }
        if (finished())
            return false;
        ++it;
    }
    return true;
}

std::optional<double> LivenessSession::turnResidual(const FrameAnalysis &a)
{
    if (a.landmarks.size() != 68 || !a.pose.valid)
        return std::nullopt;
    if (std::abs(a.pose.yawDeg) <= PlanarityConfig{}.referenceMaxYawDeg) {
        m_frontalReference = a.landmarks; // the frontal frame just before any turn that follows
        return std::nullopt;
    }
    if (m_frontalReference.empty())
        return std::nullopt;
    return homographyResidual(m_frontalReference, a.landmarks);
}

namespace {

void keepBest(std::vector<BestFrame> &best, const BestFrame &frame, int count)
{
    if (static_cast<int>(best.size()) >= count && frame.score <= best.back().score)
        return;
    best.push_back(frame);
    std::sort(best.begin(), best.end(), [](const BestFrame &x, const BestFrame &y) { return x.score > y.score; });
    if (static_cast<int>(best.size()) > count)
        best.pop_back();
}

} // namespace

void LivenessSession::rankFrame(const FrameAnalysis &a, const Image &image, bool inWindow)
{
    const double baseline = m_blinks.baseline();
    if (image.empty() || !a.hasFace() || !a.pose.valid || std::abs(a.pose.yawDeg) > 10.0 || !a.quality.acceptable() ||
        baseline <= 0.0 || std::min(a.earLeft, a.earRight) < 0.8 * baseline)
        return;
    const double score = a.quality.measures.sharpness * (1.0 - std::abs(a.pose.yawDeg) / 30.0);
    const BestFrame frame{a.sourceIndex >= 0 ? a.sourceIndex : a.sequence, m_lastMs, score, a.box, image};
    keepBest(m_result.passiveFrames, frame, m_config.bestFrameCount);
    if (inWindow)
        keepBest(m_result.bestFrames, frame, m_config.bestFrameCount);
}

SessionState LivenessSession::feed(const FrameAnalysis &analysis, const Image &image)
{
    if (finished())
        return m_state;
    const LivenessSample sample = livenessSample(analysis);
    if (m_startMs < 0.0)
        m_startMs = sample.timeMs;
    const double now = sample.timeMs - m_startMs;
    const double dt = std::max(0.0, now - m_lastMs);
    m_lastMs = now;
    m_result.durationMs = now;
    m_result.trace.push_back(sample);
    m_result.planarResiduals.push_back(turnResidual(analysis).value_or(-1.0));
    const std::optional<EyeClosureEvent> closure = m_blinks.feed(sample);
    if (closure)
        m_result.closures.push_back(*closure);
    const std::optional<TurnEvent> turn = m_turns.feed(sample);
    if (turn)
        m_result.turns.push_back(*turn);
    // A challenge window: its prompt is out and its gesture not done. The face must be there, alone,
    // on every frame of it.
    const bool inWindow = active() != nullptr;
    if (!sample.hasFace) {
        if (m_state != SessionState::WaitingForFace && (inWindow || ++m_gapFrames > m_config.maxGapFrames))
            fail("face_lost");
        advance(now);
        return m_state;
    }
    m_gapFrames = 0;
    if (analysis.facesInLastDetection > 1) {
        // Before the session has started nothing can be swapped yet: a second person in view is a
        // hint ("Only one person, please") and the session keeps waiting; from then on it fails.
        if (m_state == SessionState::WaitingForFace) {
            m_hints = {std::string(qualityHintName(QualityHint::SeveralFaces))};
            if (std::find(m_result.pauseHints.begin(), m_result.pauseHints.end(), m_hints.front()) ==
                m_result.pauseHints.end())
                m_result.pauseHints.push_back(m_hints.front());
            return m_state;
        }
        fail("several_faces");
    }
    if (m_lastBox) {
        const double dx = (analysis.box.x + analysis.box.width / 2.0) - (m_lastBox->x + m_lastBox->width / 2.0);
        const double dy = (analysis.box.y + analysis.box.height / 2.0) - (m_lastBox->y + m_lastBox->height / 2.0);
        if (std::hypot(dx, dy) > m_config.maxJumpFaceWidths * m_lastBox->width)
            fail("face_changed");
    }
    m_lastBox = analysis.box;
    if (finished())
        return m_state;
    if (m_state == SessionState::WaitingForFace)
        m_readyAtMs = now + m_config.firstPromptDelayMs;

    // Quality problems pause the session; turning (not frontal) and blinking (eyes closed) are the
    // gestures themselves and never pause it.
    m_hints.clear();
    for (QualityHint h : analysis.quality.hints)
        if (h != QualityHint::NotFrontal && h != QualityHint::EyesClosed && h != QualityHint::NoFace &&
            h != QualityHint::SeveralFaces)
            m_hints.emplace_back(qualityHintName(h));
    const bool paused = !m_hints.empty();
    m_state = paused ? SessionState::Paused : SessionState::Running;
    for (const auto &h : m_hints)
        if (std::find(m_result.pauseHints.begin(), m_result.pauseHints.end(), h) == m_result.pauseHints.end())
            m_result.pauseHints.push_back(h);
    if (paused) {
        if (active() != nullptr)
            m_pausedMs += dt;
        m_totalPausedMs += dt;
        if (m_totalPausedMs > m_config.maxPausedMs) {
            fail("paused_too_long");
            return m_state;
        }
    }
    if (!paused && closure)
        onClosure(*closure);
    if (!paused && turn)
        onTurn(*turn);
    if (!finished())
        rankFrame(analysis, image, inWindow);
    if (m_sampler && !finished() && !image.empty()) {
        ChallengeResult *c = active();
        if (c != nullptr && c->challenge != Challenge::Blink && !c->sampledTurned &&
            std::abs(sample.yawDeg) >= m_config.turn.thresholdDeg) {
            c->sampledTurned = true; // the turned peak of the gesture
            m_sampleDue = true;
        }
        if (m_sampleDue || m_lastSampleMs < 0.0 || now - m_lastSampleMs >= m_config.identity.sampleEveryMs ||
            analysis.detectReason == DetectReason::Drift)
            if (sampleIdentity(image, analysis.box, sample.frame, now,
                               !sample.poseValid || std::abs(sample.yawDeg) >= m_config.turnedYawDeg, true))
                m_sampleDue = false;
    }
    advance(now);
    return m_state;
}

int LivenessSession::promptedCount() const
{
    return static_cast<int>(std::count_if(m_result.challenges.begin(), m_result.challenges.end(),
                                          [](const ChallengeResult &c) { return c.promptMs >= 0.0; }));
}

void LivenessSession::reject(const std::string &reason)
{
    if (m_state == SessionState::Passed) {
        m_state = SessionState::Running; // a pass that a check outside the session overrules
        m_result.passed = false;
    }
    fail(reason);
}

void LivenessSession::finish()
{
    if (finished())
        return;
    for (size_t i = m_current; i < m_result.challenges.size(); ++i)
        if (m_result.challenges[i].outcome == ChallengeOutcome::Pending)
            m_result.challenges[i].outcome = ChallengeOutcome::TimedOut;
    fail(m_state == SessionState::WaitingForFace ? "no_face" : "not_completed");
}

} // namespace simkyc::vision
