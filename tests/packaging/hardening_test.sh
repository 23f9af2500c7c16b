#!/bin/bash
# The programs carry the hardening of a Debian package (CMakeLists.txt, SIMKYC_HARDENING): PIE, full
# RELRO (GNU_RELRO + BIND_NOW), the stack protector and fortified libc calls. Read from the ELF files
# with readelf (binutils), as Debian's hardening-check does.
# Usage: hardening_test.sh PROGRAM...
set -u
failures=0
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
for program in "$@"; do
    name=$(basename "$program")
    [ -x "$program" ] || { fail "$name: not built"; continue; }
    readelf -h "$program" | grep -q 'Type:.*DYN' || fail "$name: not a position-independent executable"
    readelf -lW "$program" | grep -q 'GNU_RELRO' || fail "$name: no RELRO segment"
    readelf -dW "$program" | grep -Eq 'BIND_NOW|FLAGS.*\bNOW\b' || fail "$name: not bound immediately (-z now)"
    symbols=$(readelf -sW --dyn-syms "$program")
    grep -q '__stack_chk_fail' <<<"$symbols" || fail "$name: no stack protector (__stack_chk_fail)"
    grep -Eq '__[a-z_]+_chk@' <<<"$symbols" || fail "$name: no fortified libc call (__*_chk)"
    echo "checked $name"
done
if [ "$failures" -gt 0 ]; then
    echo "hardening test: $failures failure(s)"
    exit 1
fi
echo "hardening test: $# programs hardened"
