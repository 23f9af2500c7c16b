#!/usr/bin/env bash
# Install test in a fresh Debian 12 root, as a shop PC gets it. Usage: debootstrap_test.sh SOURCE_DIR BUILD_DIR
#  1. cpack the two packages (the shared build folder is locked meanwhile);
#  2. debootstrap --variant=minbase bookworm into a temporary folder (Debian's mirror: about 25 s);
#  3. inside it (chroot, private mount namespace): apt-get install both .debs, which pulls every
#     dependency from Debian: a Depends line that misses a library fails here; the post-install
#     provisions the models (seeded into its cache from the build tree: no 210 MB download) and
#     verifies them;
#  4. the installed programs run from /usr with nothing of the build tree in sight: selftest, config
#     check, keys/db init as the kiosk user, a headless demo registration (manual-check path: no
#     sample video in a fresh installation), the kiosk window (offscreen) up to its first frame, the
#     carrier endpoint's --help; then dpkg --purge.
# Needs root, debootstrap and Debian's mirror; without them it is skipped (exit 77), not failed.
set -euo pipefail
src=$1 build=$2
mirror=${SIMKYC_DEBIAN_MIRROR:-http://deb.debian.org/debian}
start=$(date +%s%N)
step() { local ms=$((($(date +%s%N) - start) / 1000000)); printf -- '-- %-66s %3d.%03d s\n' "$1" $((ms / 1000)) $((ms % 1000)); }
skip() { echo "SKIP: $*"; exit 77; }

[ "$(id -u)" = 0 ] || skip "not root (debootstrap and chroot need it)"
command -v debootstrap >/dev/null || skip "debootstrap is not installed (apt-get install debootstrap)"
command -v unshare >/dev/null || skip "unshare is not available"
getent hosts "$(echo "$mirror" | sed -E 's|^[a-z]+://([^/:]+).*|\1|')" >/dev/null || skip "the Debian mirror $mirror cannot be resolved"

work=$(mktemp -d /tmp/simkyc-debootstrap-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
root=$work/root

# 1. Packages.
flock /tmp/simkyc-build.lock sh -c "cmake --build '$build' --target simkyc_package_inputs >'$work/build.log' 2>&1 &&
    cpack --config '$build/CPackConfig.cmake' -B '$work/pkgs' >'$work/cpack.log' 2>&1" ||
    { cat "$work/build.log" "$work/cpack.log" 2>/dev/null | tail -30; echo "FAIL cpack"; exit 1; }
step "cpack"

# 2. A fresh Debian 12.
if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -20 "$work/debootstrap.log"
    grep -qiE 'Failed getting release file|Temporary failure|Could not resolve|Connection' "$work/debootstrap.log" &&
        skip "Debian's mirror is not reachable"
    echo "FAIL debootstrap"
    exit 1
fi
step "debootstrap --variant=minbase bookworm"

cp "$work"/pkgs/simkyc_*.deb "$root/tmp/simkyc.deb"
cp "$work"/pkgs/simkyc-upstream_*.deb "$root/tmp/simkyc-upstream.deb"
mkdir -p "$root/var/cache/simkyc/models"
for f in "$build"/models/*.dat; do cp -L "$f" "$root/var/cache/simkyc/models/"; done
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" # no service starts in the chroot
chmod +x "$root/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$root/etc/resolv.conf"

cat >"$root/tmp/inside.sh" <<'INSIDE'
set -u
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 HOME=/root
fail=0
t() { if sh -c "$2" >/tmp/t.out 2>&1; then echo "ok   fresh root: $1"; else echo "FAIL fresh root: $1"; sed 's/^/     /' /tmp/t.out | tail -15; fail=1; fi; }
t "apt-get update" "apt-get update -q"
# As an administrator installs them: with the recommended packages (cage, Qt's Wayland plugin, XWayland).
t "apt-get install both packages with their Debian dependencies and recommendations" \
    "apt-get install -y -q /tmp/simkyc.deb /tmp/simkyc-upstream.deb"
t "post-install provisioned and verified the models" \
    "test -e /usr/share/simkyc/models/dlib_face_recognition_resnet_model_v1.dat && test -e /usr/share/simkyc/models/shape_predictor_68_face_landmarks.dat"
t "no build tree in sight" "test ! -e '$BUILD_DIR'"
t "simkyc-cli selftest passes from the installed files" "simkyc-cli selftest"
t "selftest reports the optional MiniFASNet models as absent" "simkyc-cli selftest | grep -q 'MiniFASNetV2.onnx.*optional'"
t "config check of the installed configuration" "simkyc-cli config check"
t "kiosk user: keys init and db init" \
    "runuser -u simkyc -- simkyc-cli keys init --data-dir /var/lib/simkyc --key-file --demo-carrier /tmp/carrier-demo >/dev/null && runuser -u simkyc -- simkyc-cli db init --data-dir /var/lib/simkyc >/dev/null"
t "a headless demo registration (manual check: no sample video here)" \
    "simkyc-cli demo --data-dir /tmp/demo --manual-check --json | grep -q '\"outcome\"'"
# The kiosk runs until it is stopped. first_frame DESCRIPTION LOG STOP PATTERN COMMAND...: starts
# COMMAND in the background, waits (60 s at most) for the log line of the kiosk's first frame, stops
# it with the shell command STOP, and reports like t(), the log also holding PATTERN.
first_frame() {
    what=$1 log=$2 stop=$3 pattern=$4
    shift 4
    "$@" >"$log" 2>&1 &
    pid=$!
    i=0
    while [ $i -lt 600 ] && kill -0 $pid 2>/dev/null && ! grep -q 'first frame after' "$log"; do
        sleep 0.1
        i=$((i + 1))
    done
    eval "$stop" 2>/dev/null
    wait $pid 2>/dev/null
    if grep -q 'first frame after' "$log" && grep -q "$pattern" "$log"; then
        echo "ok   fresh root: $what ($(grep -o 'first frame after [0-9]* ms' "$log"))"
    else
        echo "FAIL fresh root: $what"
        tail -20 "$log" | sed 's/^/     /'
        fail=1
    fi
}
first_frame "the kiosk window starts (offscreen) up to its first frame" /tmp/kiosk.log 'kill $pid' \
    'first frame after' env QT_QPA_PLATFORM=offscreen simkyc --demo
# The kiosk session as its unit starts it (cage -d -- simkyc, the unprivileged kiosk user, Qt on
# Wayland), on wlroots' headless back end instead of tty7 (no seat, no GPU here).
mkdir -p /tmp/xdg && chown simkyc:simkyc /tmp/xdg && chmod 0700 /tmp/xdg
first_frame "the kiosk under cage (headless, user simkyc, Wayland) up to its first frame" /tmp/cage.log \
    'pkill -TERM -u simkyc' 'platform wayland' \
    runuser -u simkyc -- env XDG_RUNTIME_DIR=/tmp/xdg WLR_BACKENDS=headless WLR_RENDERER=pixman \
    WLR_LIBINPUT_NO_DEVICES=1 QT_QPA_PLATFORM=wayland cage -d -- simkyc --demo --data-dir /tmp/xdg/demo
t "simkyc-upstream --help" "simkyc-upstream --help | grep -qi usage"
t "dpkg --purge both" "dpkg --purge simkyc simkyc-upstream"
exit $fail
INSIDE

# 3-4. Inside, with /proc mounted in a private namespace (gone with it, whatever happens).
rc=0
BUILD_DIR=$build unshare -m --propagation private sh -c \
    "mount -t proc proc '$root/proc' && chroot '$root' env BUILD_DIR='$build' sh /tmp/inside.sh" || rc=$?
step "install, run and purge in the fresh root"
if [ "$rc" != 0 ]; then
    echo "debootstrap install test: failures"
    exit 1
fi
echo "debootstrap install test: all passed"
