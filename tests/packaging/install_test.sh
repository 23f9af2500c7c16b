#!/usr/bin/env bash
# Install test of the Debian packages. Usage: install_test.sh SOURCE_DIR BUILD_DIR
#  1. cpack into a temporary folder (the shared build folder is locked meanwhile; only the packaged
#     programs are built first, and in CI they already are);
#  2. dpkg-deb -I / -c: names, Depends = the runtime lines of packaging/debian-packages.txt, conffiles,
#     maintainer scripts (executable, valid sh), the files each package must hold;
#  3. dpkg -x into a fresh root; the installed simkyc-cli runs selftest (models from the build tree),
#     validates the installed configuration and writes a diagnose report; simkyc-upstream starts;
#  4. dpkg --dry-run -i (root only: the dependencies are satisfiable here) and lintian (no errors).
# A full debootstrap install takes minutes and is not done here (see packaging/README.md).
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
    /usr/share/doc/simkyc/copyright /usr/share/doc/simkyc/changelog.Debian.gz; do
    check "simkyc holds $f" grep -qx "$f" "$work/kiosk.list"
done
if [ -x "$build/bin/simkyc" ]; then check "simkyc holds the GUI /usr/bin/simkyc" grep -qx /usr/bin/simkyc "$work/kiosk.list"; fi
check "simkyc-upstream is not in the kiosk package" sh -c "! grep -q simkyc-upstream '$work/kiosk.list'"
check "simkyc-upstream holds its program and unit" sh -c "dpkg-deb -c '$upstream' | grep -q './usr/bin/simkyc-upstream\$' &&
    dpkg-deb -c '$upstream' | grep -q 'simkyc-upstream.service\$'"
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
else
    echo "skip lintian (not installed)"
fi
step "dpkg --dry-run and lintian"

echo "install test: $failures failure(s)"
[ "$failures" = 0 ]
