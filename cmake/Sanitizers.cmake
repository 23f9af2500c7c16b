# Sanitizer and fuzzing builds (docs/hardening.md). Each is a separate build tree with its preset:
#   asan  (SIMKYC_SANITIZE=ON): AddressSanitizer + UndefinedBehaviorSanitizer, GCC, build-asan/
#   tsan  (SIMKYC_TSAN=ON):     ThreadSanitizer, GCC, build-tsan/
#   fuzz  (SIMKYC_FUZZ=ON):     libFuzzer + ASan + UBSan, clang, build-fuzz/; only the libraries the
#                               fuzz targets in tests/fuzz need are built (src is EXCLUDE_FROM_ALL).
# Every object gets the flags, so a sanitizer sees our code on both sides of a module boundary;
# Qt, OpenCV, dlib, SQLite and OpenSSL are Debian's uninstrumented libraries. The presets use -g1:
# line tables are all a sanitizer report needs.

option(SIMKYC_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(SIMKYC_TSAN "Build with ThreadSanitizer" OFF)
option(SIMKYC_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only) instead of the programs and tests" OFF)

if((SIMKYC_SANITIZE AND SIMKYC_TSAN) OR (SIMKYC_FUZZ AND SIMKYC_TSAN))
    message(FATAL_ERROR "ThreadSanitizer cannot be combined with AddressSanitizer or the fuzz build")
endif()

if(SIMKYC_SANITIZE OR SIMKYC_FUZZ)
    # -fno-sanitize-recover: a UBSan finding fails the test (or is a fuzz crash) instead of a log line.
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

if(SIMKYC_TSAN)
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
endif()

if(SIMKYC_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "SIMKYC_FUZZ needs clang (libFuzzer); use the fuzz preset (CMAKE_CXX_COMPILER=clang++)")
    endif()
    # Coverage instrumentation for every object; the fuzz executables add -fsanitize=fuzzer (main).
    add_compile_options(-fsanitize=fuzzer-no-link)
    # Seconds each fuzz target runs under `ctest -L fuzz` (scripts/test-sanitizers overrides it).
    set(SIMKYC_FUZZ_SECONDS 20 CACHE STRING "Seconds per fuzz target in the CTest fuzz smoke")
    set(SIMKYC_FUZZ_SEED 1 CACHE STRING "libFuzzer -seed of the CTest fuzz smoke (0: a new one per run)")
endif()

# src/vision/face_embedder.cpp instantiates dlib's ResNet templates: instrumented it takes minutes and
# over 6 GB of compiler memory, for code that is dlib's, not ours, and that no sanitizer test runs
# (the face tests are left out of these trees, docs/hardening.md). It is compiled uninstrumented.
function(simkyc_uninstrumented_embedder)
    set_source_files_properties(${PROJECT_SOURCE_DIR}/src/vision/face_embedder.cpp
        DIRECTORY ${PROJECT_SOURCE_DIR}/src/vision PROPERTIES COMPILE_OPTIONS "-fno-sanitize=all")
endfunction()
if((SIMKYC_SANITIZE OR SIMKYC_TSAN) AND NOT SIMKYC_FUZZ)
    # Deferred to the end of the top-level CMakeLists.txt, when src/vision exists.
    cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR} CALL simkyc_uninstrumented_embedder)
endif()
