# Helpers every module uses, so warnings, includes and test registration are the same everywhere.

# simkyc_module(NAME SOURCES ... [PUBLIC_LINKS ...] [PRIVATE_LINKS ...])
# A static library simkyc_<NAME> (alias simkyc::<NAME>). What it links is the architecture:
# a module may only link the modules below it (see docs/architecture.md).
function(simkyc_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LINKS;PRIVATE_LINKS" ${ARGN})
    add_library(simkyc_${name} STATIC ${ARG_SOURCES})
    add_library(simkyc::${name} ALIAS simkyc_${name})
    target_include_directories(simkyc_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(simkyc_${name} PUBLIC ${ARG_PUBLIC_LINKS} PRIVATE ${ARG_PRIVATE_LINKS})
    simkyc_warnings(simkyc_${name})
endfunction()

function(simkyc_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
                                             # GCC 12 at -O3 reports std::string operator+ as overlapping
                                             # memcpy (GCC PR 105651, a false positive). clang (the fuzz
                                             # tree) has no such warning.
                                             $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
    if(SIMKYC_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# simkyc_test(NAME SOURCES ... LINKS ... LABELS ...)
# One GoogleTest executable, its tests discovered by CTest and labelled (unit, integration, gui,
# bench-smoke). Paths (shared data, build models, source, bin) reach tests through tests/support.
function(simkyc_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LINKS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LINKS} simkyc_test_support GTest::gtest_main GTest::gmock)
    simkyc_warnings(${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    gtest_discover_tests(${name}
        DISCOVERY_MODE PRE_TEST
        PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT})
endfunction()
