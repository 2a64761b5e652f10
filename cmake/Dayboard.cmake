# A Qt Test run with a QSKIP and no failure ends with "Totals: N passed, 0 failed, M skipped"
# (M > 0); CTest then reports it as "Skipped" instead of "Passed". A failure never matches, so
# a skip cannot hide one. Tests that can only skip for a missing environment use
# DAYBOARD_ENVIRONMENT_SKIP (tests/support/environmentskip.h): with DAYBOARD_TESTS_REQUIRE_ALL=1,
# which ./test sets when run as root, such a skip is a failure.
set(DAYBOARD_TEST_SKIP_REGEX "Totals: [0-9]+ passed, 0 failed, [1-9][0-9]* skipped")

# dayboard_add_tests(LIBS <targets...> [LABELS <labels...>] [ENV <VAR=value...>]
#                    [DEPENDS <targets...>] [TIMEOUT <seconds>])
# Turns every tst_*.cpp in the current source directory into its own Qt Test executable
# and CTest test. Tests run offscreen with caches inside the build tree. DEPENDS names targets
# a test runs but does not link (e.g. dayboard-server), so building the test builds them.
function(dayboard_add_tests)
    cmake_parse_arguments(ARG "" "TIMEOUT" "LIBS;LABELS;ENV;DEPENDS" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    file(GLOB test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tst_*.cpp)
    set(pch_owner "")
    foreach(source IN LISTS test_sources)
        get_filename_component(name ${source} NAME_WE)
        add_executable(${name} ${source})
        target_link_libraries(${name} PRIVATE Qt6::Test dayboard_testsupport ${ARG_LIBS})
        # The test's own code at -O1: the code under test is in the libraries, built at -O2; a
        # test file compiles in ~30% less time (docs/architecture.md, "Build time").
        target_compile_options(${name} PRIVATE $<$<CONFIG:RelWithDebInfo,Release>:-O1>)
        # The tests of one folder link the same libraries, so they share one precompiled header
        # (a test is one source file: a header of its own would cost as much as it saves).
        if(DAYBOARD_PRECOMPILE_HEADERS)
            # AUTOMOC's mocs_compilation.cpp of a test is empty (the test includes its .moc):
            # loading the precompiled header into it cost 2.5 s per test for nothing.
            set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/${name}_autogen/mocs_compilation.cpp
                                        PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
            if(NOT pch_owner)
                target_precompile_headers(${name} PRIVATE ${dayboard_common_headers} <QTest> <QSignalSpy>
                                          <QTemporaryDir>)
                set(pch_owner ${name})
            else()
                target_precompile_headers(${name} REUSE_FROM ${pch_owner})
            endif()
        endif()
        if(ARG_DEPENDS)
            add_dependencies(${name} ${ARG_DEPENDS})
        endif()
        add_test(NAME ${name} COMMAND ${name})
        set_tests_properties(${name} PROPERTIES
            TIMEOUT ${ARG_TIMEOUT}
            LABELS "${ARG_LABELS}"
            SKIP_REGULAR_EXPRESSION "${DAYBOARD_TEST_SKIP_REGEX}"
            ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_CONTROLS_STYLE=Basic;XDG_CACHE_HOME=${CMAKE_BINARY_DIR}/xdg-cache;${ARG_ENV}")
    endforeach()
endfunction()

# dayboard_static_library(<name> <include-dir> <sources...>)
# A static library whose include dir is public. A folder with no .cpp yet gives an
# INTERFACE library, so a freshly created folder never breaks the configure step.
function(dayboard_static_library name include_dir)
    set(sources ${ARGN})
    list(FILTER sources INCLUDE REGEX "\\.cpp$")
    if(sources)
        add_library(${name} STATIC ${ARGN})
        target_include_directories(${name} PUBLIC ${include_dir})
    else()
        add_library(${name} INTERFACE)
        target_include_directories(${name} INTERFACE ${include_dir})
    endif()
endfunction()

# dayboard_link(<target> <libs...>): public link that also works on an INTERFACE library.
function(dayboard_link target)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "INTERFACE_LIBRARY")
        target_link_libraries(${target} INTERFACE ${ARGN})
    else()
        target_link_libraries(${target} PUBLIC ${ARGN})
    endif()
endfunction()

# dayboard_precompile(<target> <headers...>): precompiles those headers for every C++ source of
# the target (the Qt headers most of its files include), when DAYBOARD_PRECOMPILE_HEADERS is on
# and DAYBOARD_UNITY_BUILD is off. A library compiled in unity batches has 1 to 9 of them, and
# its precompiled header cost more than it saved: the app's target built in 173 s without them,
# 243 s with them (docs/architecture.md, "Build time"). The tests, one file each, keep theirs.
set(dayboard_common_headers <QByteArray> <QDate> <QDateTime> <QHash> <QJsonArray> <QJsonDocument>
    <QJsonObject> <QList> <QObject> <QPointer> <QString> <QTimer> <functional> <memory> <optional>)
function(dayboard_precompile target)
    if(NOT DAYBOARD_PRECOMPILE_HEADERS OR DAYBOARD_UNITY_BUILD OR NOT TARGET ${target})
        return()
    endif()
    get_target_property(type ${target} TYPE)
    if(NOT type STREQUAL "INTERFACE_LIBRARY")
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()
