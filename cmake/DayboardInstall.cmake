# SPDX-License-Identifier: MIT
# What `cmake --install` puts on a system besides the executables (whose rules are next to their
# targets): the systemd unit with the installed path, the service's defaults file, man pages made
# from --help, documentation and the license. Two components, one per Debian package
# (cmake/DayboardPackaging.cmake): `server` (dayboard-server) and `app` (dayboard; the desktop
# file, metainfo and icon are in resources/install.cmake, included from app/).
include(GNUInstallDirs)

# --- dayboard-server: systemd unit and its defaults file ------------------------------------
# systemd reads units from /usr/lib/systemd/system and /usr/local/lib/systemd/system alike
# (not from Debian's multiarch lib/<triplet>, hence no CMAKE_INSTALL_LIBDIR).
set(DAYBOARD_SYSTEMD_UNIT_DIR "lib/systemd/system" CACHE STRING
    "Where the dayboard-server unit goes (relative: under the install prefix)")
set(DAYBOARD_SERVER_EXECUTABLE "${CMAKE_INSTALL_FULL_BINDIR}/dayboard-server")
set(DAYBOARD_SERVER_DEFAULTS_FILE "${CMAKE_INSTALL_FULL_SYSCONFDIR}/default/dayboard-server")
set(DAYBOARD_DOC_DIR "${CMAKE_INSTALL_FULL_DATAROOTDIR}/doc/dayboard-server")
configure_file(${PROJECT_SOURCE_DIR}/resources/dayboard-server.service.in
               ${CMAKE_CURRENT_BINARY_DIR}/dayboard-server.service @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/dayboard-server.service
        DESTINATION ${DAYBOARD_SYSTEMD_UNIT_DIR} COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/resources/dayboard-server.default
        DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/default RENAME dayboard-server
        COMPONENT server)

# --- man pages, generated from each program's --help and --version ---------------------------
# help2man runs the built binary, so the page lists exactly the options --help prints (one
# definition: the QCommandLineParser setup). resources/man/<program>.h2m adds the sections
# --help does not have (description, files, examples, see also).
find_program(HELP2MAN_EXECUTABLE help2man)
find_program(GZIP_EXECUTABLE gzip)
if(NOT HELP2MAN_EXECUTABLE OR NOT GZIP_EXECUTABLE)
    message(WARNING "help2man or gzip not found: no man pages (tools/packages-build.txt lists help2man)")
endif()

# dayboard_man_page(<target> <component> <one-line description>)
function(dayboard_man_page target component description)
    if(NOT HELP2MAN_EXECUTABLE OR NOT GZIP_EXECUTABLE OR NOT TARGET ${target})
        return()
    endif()
    set(include_file ${PROJECT_SOURCE_DIR}/resources/man/${target}.h2m)
    set(page ${CMAKE_BINARY_DIR}/man/${target}.1)
    set(page_gz ${page}.gz)
    # HOME=~ and no XDG_*: the defaults --help prints (data directories) read ~/..., not the
    # builder's home. LANGUAGE=en: the page is English whatever the builder's language.
    add_custom_command(OUTPUT ${page} ${page_gz}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
        COMMAND ${CMAKE_COMMAND} -E env --unset=XDG_DATA_HOME --unset=XDG_CONFIG_HOME HOME=~ LANGUAGE=en QT_QPA_PLATFORM=offscreen
                ${HELP2MAN_EXECUTABLE} --no-info --section=1 --name=${description}
                "--version-string=${target} ${PROJECT_VERSION}"
                --include=${include_file} --output=${page} $<TARGET_FILE:${target}>
        COMMAND ${GZIP_EXECUTABLE} -9 -n -f -k ${page}
        DEPENDS ${target} ${include_file}
        COMMENT "Generating the man page of ${target} from its --help"
        VERBATIM)
    add_custom_target(${target}-man ALL DEPENDS ${page_gz})
    install(FILES ${page_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT ${component})
endfunction()
dayboard_man_page(dayboard-server server "HPKV-compatible sync server of Dayboard")
dayboard_man_page(dayboard app "calm per-day todo lists that sync")
dayboard_man_page(dayboard-cli app "Dayboard's todo lists from the command line")

# --- documentation and license -----------------------------------------------------------------
# Debian wants /usr/share/doc/<package>/copyright; other systems get the same file as LICENSE.
# The server's package carries every design/operations document; the app's the user's ones.
file(GLOB dayboard_docs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/dayboard-server
        RENAME copyright COMPONENT server)
install(FILES ${dayboard_docs} DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/dayboard-server COMPONENT server)
if(TARGET dayboard)
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/dayboard
            RENAME copyright COMPONENT app)
    set(dayboard_app_docs ${PROJECT_SOURCE_DIR}/README.md)
    foreach(doc user-guide.md sync.md cli.md)
        if(EXISTS ${PROJECT_SOURCE_DIR}/docs/${doc})
            list(APPEND dayboard_app_docs ${PROJECT_SOURCE_DIR}/docs/${doc})
        endif()
    endforeach()
    install(FILES ${dayboard_app_docs} DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/dayboard COMPONENT app)
endif()
