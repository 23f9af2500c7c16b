#!/usr/bin/env bash
# Install test of the Debian packages. Usage: install_test.sh SOURCE_DIR BUILD_DIR
#  1. cpack into a temporary folder (the shared build folder is locked meanwhile; only the packaged
#     programs are built first, and in CI they already are);
#  2. dpkg-deb -I / -c: names, Depends = the runtime lines of packaging/debian-packages.txt, conffiles,
#     maintainer scripts (executable, valid sh), the files each package must hold;
#  3. dpkg -x into a fresh root; the installed simkyc-cli runs selftest (models from the build tree),
#     validates the installed configuration and writes a diagnose report; simkyc-upstream starts;
#  4. dpkg --dry-run -i (root only: the dependencies are satisfiable here) and lintian (no errors; no
#     tag about a missing or broken manual page).
# The install into a fresh Debian root, without this machine's files, is debootstrap_test.sh.
set -euo pipefail
src=$1 build=$2
start=$(date +%s%N)
work=$(mktemp -d /tmp/simkyc-install-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
check() { # description, then the command
    local what=$1; shift
    if "$@" >"$work/out" 2>&1; then echo "ok   $what"; else echo "FAIL $what"; sed 's/^/     /' "$work/out" | tail -20; failures=$((failures + 1)); fi
}
step() { local ms=$((($(date +%s%N) - start) / 1000000)); printf -- '-- %-66s %3d.%03d s\n' "$1" $((ms / 1000)) $((ms % 1000)); }

# 1. Build the packages.
flock /tmp/simkyc-build.lock sh -c "cmake --build '$build' --target simkyc_package_inputs >'$work/build.log' 2>&1 &&
    cpack --config '$build/CPackConfig.cmake' -B '$work/pkgs' >'$work/cpack.log' 2>&1" ||
    { cat "$work/build.log" "$work/cpack.log" 2>/dev/null | tail -30; echo "FAIL cpack"; exit 1; }
kiosk=$(ls "$work"/pkgs/simkyc_*.deb) upstream=$(ls "$work"/pkgs/simkyc-upstream_*.deb)
step "cpack built $(basename "$kiosk") and $(basename "$upstream")"

# 2. Control data and file lists.
field() { dpkg-deb -f "$1" "$2"; }
check "package names" test "$(field "$kiosk" Package) $(field "$upstream" Package)" = "simkyc simkyc-upstream"
depends=$(field "$kiosk" Depends)
runtime=$(grep -v '^[[:space:]]*#' "$src/packaging/debian-packages.txt" | awk '$2 == "runtime" {print $1}' | sort -u)
missing=""
for p in $runtime; do grep -qE "(^|, )$(printf '%s' "$p" | sed 's/[+.]/\\&/g')(,|$| )" <<<"$depends" || missing+=" $p"; done
check "simkyc Depends holds every runtime line of debian-packages.txt${missing:+ (missing:$missing)}" test -z "$missing"
# The kiosk session: cage refuses to start without Xwayland and does not depend on it.
check "simkyc Recommends cage, qt6-wayland and xwayland" \
    test "$(field "$kiosk" Recommends | tr -d ' ' | tr ',' '\n' | sort | tr '\n' ' ')" = "cage qt6-wayland xwayland "
up_depends=$(field "$upstream" Depends)
check "simkyc-upstream Depends: Qt SQL, OpenSSL, no OpenCV/dlib" \
    sh -c "echo '$up_depends' | grep -q libqt6sql6-psql && echo '$up_depends' | grep -q libssl3 && ! echo '$up_depends' | grep -qE 'opencv|dlib'"
dpkg-deb -e "$kiosk" "$work/control"
check "conffiles: /etc/simkyc/simkyc.conf" grep -qx /etc/simkyc/simkyc.conf "$work/control/conffiles"
for s in postinst prerm postrm; do
    check "maintainer script $s is executable and valid sh" sh -c "test -x '$work/control/$s' && sh -n '$work/control/$s'"
done
dpkg-deb -c "$kiosk" | awk '{print $6}' | sed 's|^\./|/|' >"$work/kiosk.list"
for f in /usr/bin/simkyc-cli /etc/simkyc/simkyc.conf /usr/share/simkyc/models/manifest.txt \
    /usr/lib/simkyc/provision-models /usr/sbin/simkyc-provision-models /lib/systemd/system/simkyc-kiosk.service \
    /lib/systemd/system/simkyc-sync.service /lib/systemd/system/simkyc-sync.timer /etc/pam.d/simkyc-cage \
    /usr/share/doc/simkyc/copyright /usr/share/doc/simkyc/changelog.Debian.gz \
    /usr/share/man/man1/simkyc-cli.1.gz /usr/share/man/man8/simkyc-provision-models.8.gz; do
    check "simkyc holds $f" grep -qx "$f" "$work/kiosk.list"
done
if [ -x "$build/bin/simkyc" ]; then
    check "simkyc holds the GUI /usr/bin/simkyc" grep -qx /usr/bin/simkyc "$work/kiosk.list"
    check "simkyc holds /usr/share/man/man1/simkyc.1.gz" grep -qx /usr/share/man/man1/simkyc.1.gz "$work/kiosk.list"
fi
dpkg-deb --fsys-tarfile "$kiosk" | tar -xO ./usr/share/man/man1/simkyc-cli.1.gz >"$work/simkyc-cli.1.gz" || true
# gzip header: magic, deflate, no flags (no file name), time stamp 0, XFL 02 (best compression).
check "the manual pages are gzip -9n" test "$(head -c 9 "$work/simkyc-cli.1.gz" | od -An -tx1 | tr -d ' \n')" = 1f8b08000000000002
check "the manual pages carry the version" sh -c "gzip -dc '$work/simkyc-cli.1.gz' | grep -q '^.TH .*\"SimKYC [0-9]'"
check "simkyc-upstream is not in the kiosk package" sh -c "! grep -q simkyc-upstream '$work/kiosk.list'"
check "simkyc-upstream holds its program and unit" sh -c "dpkg-deb -c '$upstream' | grep -q './usr/bin/simkyc-upstream\$' &&
    dpkg-deb -c '$upstream' | grep -q 'simkyc-upstream.service\$' &&
    dpkg-deb -c '$upstream' | grep -q './usr/share/man/man1/simkyc-upstream.1.gz\$'"
check "the kiosk unit runs cage as simkyc, restarts, and is hardened" sh -c "dpkg-deb --fsys-tarfile '$kiosk' |
    tar -xO ./lib/systemd/system/simkyc-kiosk.service | grep -q '^User=simkyc' &&
    dpkg-deb --fsys-tarfile '$kiosk' | tar -xO ./lib/systemd/system/simkyc-kiosk.service | grep -q '^ExecStart=/usr/bin/cage ' &&
    dpkg-deb --fsys-tarfile '$kiosk' | tar -xO ./lib/systemd/system/simkyc-kiosk.service | grep -q '^Restart=always' &&
    dpkg-deb --fsys-tarfile '$kiosk' | tar -xO ./lib/systemd/system/simkyc-kiosk.service | grep -q '^ProtectSystem=strict'"
step "control data and file lists"

# 3. A fresh root: the installed files, run from there.
root="$work/root"
dpkg -x "$kiosk" "$root"
dpkg -x "$upstream" "$root"
cli="$root/usr/bin/simkyc-cli"
check "installed simkyc-cli --version" "$cli" --version
check "installed simkyc-cli selftest (models from the build tree)" "$cli" selftest --models-dir "$build/models"
check "installed configuration is valid" "$cli" config check --config "$root/etc/simkyc/simkyc.conf"
check "installed simkyc-cli diagnose" "$cli" diagnose --out "$work/diagnose.txt" --config "$root/etc/simkyc/simkyc.conf" \
    --data-dir "$work/no-store" --models-dir "$build/models"
check "installed simkyc-upstream --help" "$root/usr/bin/simkyc-upstream" --help
check "installed programs are stripped" sh -c "! readelf -S '$cli' | grep -q debug_info"
step "fresh root: selftest, config check, diagnose"

# 4. Dependencies and lintian.
if [ "$(id -u)" = 0 ]; then
    check "dpkg --dry-run -i (dependencies satisfiable)" dpkg --dry-run -i "$kiosk" "$upstream"
else
    echo "skip dpkg --dry-run -i (needs root)"
fi
if command -v lintian >/dev/null; then
    check "lintian: no errors" lintian --fail-on error --suppress-tags-from-file "$src/packaging/lintian-suppressions" "$kiosk" "$upstream"
    sed -n 's/^/     /p' "$work/out"
    cp "$work/out" "$work/lintian.out"
    # Every program has a manual page, and they render cleanly (tests/packaging/man_pages_test.sh).
    check "lintian: no no-manual-page, manpage-* or groff-message tag" \
        sh -c "! grep -E ' (no-manual-page|manpage-[a-z-]+|groff-message)( |\$)' '$work/lintian.out'"
else
    echo "skip lintian (not installed)"
fi
step "dpkg --dry-run and lintian"

# 5. A real dpkg -i / --purge with the maintainer scripts, in a throwaway overlay of this system's root
#    (private mount namespace: nothing changes outside it). Models are seeded into the package's cache
#    from the build tree, so the post-install provisions and verifies them without the network.
# Can this machine overlay its root in a private mount namespace? (Not in an unprivileged container,
# nor when the temporary folder is itself on an overlay: then the step is skipped, not failed.)
overlay_possible() {
    [ "$(id -u)" = 0 ] && command -v unshare >/dev/null || return 1
    local probe="$work/probe"
    mkdir -p "$probe/lower" "$probe/upper" "$probe/work" "$probe/merged"
    unshare -m --propagation private sh -c \
        "mount -t overlay overlay -o lowerdir=/,upperdir=$probe/upper,workdir=$probe/work $probe/merged" \
        >/dev/null 2>&1
}
if overlay_possible; then
    mkdir -p "$work/ovl/upper" "$work/ovl/work" "$work/ovl/merged"
    cp "$kiosk" "$upstream" "$work/"
    cat >"$work/inside.sh" <<'INSIDE'
set -eu
fail=0
t() { if eval "$2" >/tmp/t.out 2>&1; then echo "ok   chroot: $1"; else echo "FAIL chroot: $1"; sed 's/^/     /' /tmp/t.out | tail -15; fail=1; fi; }
t "dpkg -i both packages (post-install provisions the models)" "dpkg -i /tmp/simkyc.deb /tmp/simkyc-upstream.deb"
t "user simkyc exists, no login shell" "getent passwd simkyc | grep -q ':/usr/sbin/nologin\$'"
t "/var/lib/simkyc is 0700 simkyc:simkyc" "test \"\$(stat -c '%a %U:%G' /var/lib/simkyc)\" = '700 simkyc:simkyc'"
t "/etc/simkyc/simkyc.conf is 0640 root:simkyc" "test \"\$(stat -c '%a %U:%G' /etc/simkyc/simkyc.conf)\" = '640 root:simkyc'"
t "models provisioned and verified into /usr/share/simkyc/models" "test -e /usr/share/simkyc/models/dlib_face_recognition_resnet_model_v1.dat"
t "installed selftest passes with the installed models" "simkyc-cli selftest"
t "kiosk user: keys init, db init, config apply" "runuser -u simkyc -- simkyc-cli keys init --data-dir /var/lib/simkyc --key-file --demo-carrier /tmp/carrier-demo >/dev/null && runuser -u simkyc -- simkyc-cli db init --data-dir /var/lib/simkyc >/dev/null && runuser -u simkyc -- simkyc-cli config apply"
t "diagnose as root reads the kiosk's store without a key" "simkyc-cli diagnose --out /tmp/report.json --json >/dev/null && grep -q '\"integrity\": \"ok\"' /tmp/report.json"
t "dpkg --purge both" "dpkg --purge simkyc simkyc-upstream"
t "purge keeps the store, removes configuration and model links" "test -f /var/lib/simkyc/simkyc.db && test ! -e /etc/simkyc/simkyc.conf && test ! -e /usr/share/simkyc/models"
exit $fail
INSIDE
    cat >"$work/outer.sh" <<'OUTER'
set -eu
work=$1 models=$2 ovl=$1/ovl
mount -t overlay overlay -o "lowerdir=/,upperdir=$ovl/upper,workdir=$ovl/work" "$ovl/merged"
mount --bind /dev "$ovl/merged/dev"
mount -t proc proc "$ovl/merged/proc"
mkdir -p "$ovl/merged/var/cache/simkyc/models"
for f in "$models"/*; do ln -sfn "$(readlink -f "$f")" "$ovl/merged/var/cache/simkyc/models/$(basename "$f")"; done
cp "$work"/simkyc_*.deb "$ovl/merged/tmp/simkyc.deb"
cp "$work"/simkyc-upstream_*.deb "$ovl/merged/tmp/simkyc-upstream.deb"
cp "$work/inside.sh" "$ovl/merged/tmp/inside.sh"
chroot "$ovl/merged" sh /tmp/inside.sh
OUTER
    if unshare -m --propagation private bash "$work/outer.sh" "$work" "$(cd "$build/models" && pwd)" >"$work/chroot.log" 2>&1; then
        grep -E '^(ok|FAIL)' "$work/chroot.log" || true
    else
        grep -E '^(ok|FAIL|     )' "$work/chroot.log" || tail -20 "$work/chroot.log"
        echo "FAIL dpkg -i / --purge in an overlay root"
        failures=$((failures + 1))
    fi
    step "dpkg -i / --purge in an overlay root"
else
    echo "skip dpkg -i in an overlay root (needs root, unshare and an overlay mount of /: not possible here)"
fi

echo "install test: $failures failure(s)"
[ "$failures" = 0 ]
