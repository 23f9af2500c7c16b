#!/usr/bin/env bash
# The acceptance rule "every error code the program can show to a person appears in the operator
# guide with what to do". Usage: operator_guide_codes_test.sh SOURCE_DIR
# Extracts the stable codes from where the sources define them (the table below: one pattern per
# place, matched against the files with white space folded, so a call clang-format wrapped still
# matches) and fails listing each code that docs/operator-guide.md does not show in back-quotes
# (`code`, `code: ...`) in its section "Codes a person can see". A pattern that finds nothing fails
# too: the place was renamed or rewritten, and this table must follow it.
set -uo pipefail
src=$1
guide=$src/docs/operator-guide.md
heading='## Codes a person can see'
failures=0
declare -A sources # code -> where it comes from

# The files as one line.
flat() { cat "$@" | tr '\n\t\r' '   ' | tr -s ' '; }

# The codes in each match of PATTERN: every "code", `code` or "code: " literal in the match.
codes_in() { # pattern files...
    local pattern=$1
    shift
    flat "$@" | grep -oE -- "$pattern" | grep -oE '["`][a-z][a-z0-9_]*(["`]|: )' | tr -d '"`: ' | sort -u
}

# codes_from LABEL PATTERN FILE...: the codes PATTERN finds in the files belong in the guide.
codes_from() {
    local label=$1 pattern=$2 found code
    shift 2
    for f in "$@"; do [ -f "$f" ] || { echo "FAIL $label: no file $f (update this test)"; failures=$((failures + 1)); return; }; done
    found=$(codes_in "$pattern" "$@")
    if [ -z "$found" ]; then
        echo "FAIL $label: the pattern found no code in ${*#"$src/"} (update this test)"
        failures=$((failures + 1))
        return
    fi
    for code in $found; do sources[$code]+="${sources[$code]:+; }$label"; done
    echo "ok   $label: $(wc -w <<<"$found") codes"
}

s=$src/src
codes_from "core error codes (ErrorCode)" 'case ErrorCode::[A-Za-z]+: return "[a-z_]+"' "$s/core/result.cpp"
codes_from "camera and frame-source codes" 'case FrameErrorCode::[A-Za-z]+: return "[a-z_]+"' "$s/vision/frame.cpp"
codes_from "kiosk sign-in codes" 'setLoginError\( ?QStringLiteral\("[a-z_]+"\)' "$s/app/gui/registration_workflow.cpp"
codes_from "kiosk ID photo codes" 'constexpr const char \*kId[A-Za-z]+ = "[a-z_]+"' "$s/app/gui/id_portrait_finder.h"
codes_from "store gate codes" 'constexpr std::string_view k[A-Za-z]+Code = "[a-z_]+"' "$s"/store/*.h
codes_from "capture-quality hints" 'kHintNames[^{;]*\{[^}]*\}' "$s/vision/capture_quality.cpp"
codes_from "liveness failure reasons (session)" '[^A-Za-z_]fail\("[a-z_]+"\)' "$s/vision/liveness_session.cpp"
codes_from "liveness failure reasons (pipeline)" '\.reject\("[a-z_]+"\)|std::string\("[a-z_]+"\)' "$s/vision/liveness_pipeline.cpp"
codes_from "liveness injection findings" 'findings\.emplace_back\("[a-z_]+"\)' "$s/vision/injection_check.cpp"
codes_from "sync errors and park reasons" '"[a-z][a-z_]+: ' "$s"/sync/*.cpp
codes_from "carrier answers (simkyc-upstream)" '[0-9]{3}, "[a-z_]+"' "$s"/upstream/*.cpp
codes_from "carrier answers (docs/upstream-api.md)" '\| [0-9]{3}(, [0-9]{3})? \| [^|]*' "$src/docs/upstream-api.md"
codes_from "simkyc-cli codes" 'fail\(options, "[a-z_]+"' "$s"/app/cli/*.cpp
codes_from "customer form rules (core)" 'case [A-Za-z]*Rule::[A-Za-z]+: return "[a-z_]+"' "$s"/core/*.cpp
codes_from "customer form rules (kiosk)" 'rule = QStringLiteral\("[a-z_]+"\)' "$s/app/gui/customer_form_model.cpp"
# The kiosk's outcome reasons, once the workflow has its table of them. Dotted keys in that table
# ("sync.pending", "outcome.match", ...) are words for states the guide explains elsewhere, not codes.
if grep -q 'reasonWords' "$s/app/gui/registration_workflow.cpp"; then
    codes_from "kiosk outcome reasons" '\{"[a-z_]+", QT_TRANSLATE_NOOP\("RegistrationWorkflow"' "$s/app/gui/registration_workflow.cpp"
fi

# The guide's section, from its heading to the next heading of that level.
section=$(awk -v h="$heading" '$0 == h { on = 1; next } on && /^## / { on = 0 } on' "$guide")
[ -n "$section" ] || { echo "FAIL docs/operator-guide.md has no section '$heading'"; exit 1; }
missing=0
for code in $(printf '%s\n' "${!sources[@]}" | sort); do
    if ! grep -qE "\`$code[\` :]" <<<"$section"; then
        echo "MISSING $code (${sources[$code]})"
        missing=$((missing + 1))
    fi
done
echo "operator guide codes: ${#sources[@]} codes, $missing missing from '$heading', $failures pattern failure(s)"
[ "$missing" = 0 ] && [ "$failures" = 0 ]
