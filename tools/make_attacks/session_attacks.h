// Session mode of simkyc-make-attacks (--sessions): adversarial liveness sessions rendered from the
// frame-labelled real videos of labels/blinks.csv, plus genuine controls, as regression data for the
// liveness check.
//
// The live person A (the attacker) performs both prompts of a two-blink script; for one second,
// between the two prompts or before the first, someone else is in front of the camera at A's place:
// a printed photo of a victim over A's face (hybrid), another live person B (swap), or B between two
// hand-over-the-lens moments of 4 frames (gap). The check these clips target compares identity only
// between the first and the last good frontal frame, allows up to 5 frames without a face and looks
// for a second face only every 12th frame: the clips are built to PASS it until those holes close.
// Controls are A's frames unchanged, one per distinct (A, blink pair) script the attacks use.
//
// Layouts: the prompt for blink k is at (start_k - round(0.4 fps)) / fps seconds and must be >= 1.0 s
// (`note` rows are never prompted); a clip runs from A's frame 0 to end_j + round(0.5 fps); the
// window (round(fps) frames) starts on a 0.25 s grid inside [end_i + 0.2 s, prompt_j - 0.1 s]
// ("between") or [1.1 s, prompt_i - 0.1 s] ("before") and clears every labelled event of A widened by
// 3 frames; blink j must start >= 0.9 s after blink i ends (else the session's own 0.8 s pause before
// the next prompt makes even A alone fail). Every kind gets --per-kind sessions, taken round-robin over
// A, then over A's blink pairs, placements and windows, in a seeded order; victims and B rotate too.
// Victims: the deepface, face-api.js and yalefaces rows of identities.csv, except Yale's closed-eye
// conditions (sleepy, wink); a victim's photo and B's first frame must show a nearly frontal face.
//
// Output: OUT/<kind>/<name>.avi (MJPG, A's size and fps) and OUT/attacks.csv (the photo mode's
// columns plus `prompts`, the script text such as blink@1.07,blink@3.33; fps and size per row).
// Guarantees: bad input is reported on stderr and returned as an exit code, never thrown (0 done,
// 1 a video could not be written, 2 unusable input: missing labels, unreadable video or frame, nothing
// to render; OpenCV failures propagate as cv::Exception, which main reports); output depends only on
// the inputs and --seed (no clock, no global RNG).
// Thread-safety: one call at a time per output folder.
#pragma once

#include "options.h"

namespace simkyc::tools {

int runSessionAttacks(const Options &options);

} // namespace simkyc::tools
