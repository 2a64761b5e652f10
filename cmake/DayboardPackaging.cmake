# SPDX-License-Identifier: MIT
# Debian packages with CPack (docs/packaging.md): configure with -DCMAKE_INSTALL_PREFIX=/usr, build,
# then `cpack -G DEB` in the build directory gives two packages from the install components:
#   dayboard         the desktop app and dayboard-cli (component app: what app/ installs)
#   dayboard-server  the headless server with its systemd unit and /etc/default file (component
#                    server); started on install, bound to 127.0.0.1 with a generated API key
# Descriptions: a summary line, then the long description (CPack indents it; "." is an empty line).
# Dependencies: dpkg-shlibdeps on the binaries, plus by hand what is loaded at run time and so
# invisible to it: the Qt plugins and QML modules of tools/packages-run.txt (app) and the SQLite
# driver plugin (server).
set(CPACK_PACKAGE_NAME dayboard)
set(CPACK_PACKAGE_VENDOR "The Dayboard developers")
set(CPACK_PACKAGE_CONTACT "The Dayboard developers <developers@dayboard.io>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://dayboard.io/")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
# /etc/default/dayboard-server is an absolute destination: stage it under DESTDIR like the rest.
set(CPACK_SET_DESTDIR ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(dayboard_package_components server)
if(TARGET dayboard)
    list(APPEND dayboard_package_components app)
endif()
set(CPACK_COMPONENTS_ALL ${dayboard_package_components})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME dayboard-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, init-system-helpers (>= 1.54~)")
set(CPACK_COMPONENT_SERVER_DESCRIPTION "Dayboard sync server (HPKV-compatible key-value store)
The headless form of the server embedded in the Dayboard app: HPKV-compatible WebSocket and
REST API with live change notifications, on SQLite, in memory or on Redis.
.
The dayboard-server service starts on installation bound to 127.0.0.1 with a generated API key
(/var/lib/dayboard/api-key); settings go into /etc/default/dayboard-server.")
set(dayboard_maintainer_scripts ${PROJECT_SOURCE_DIR}/resources/debian)
configure_file(${dayboard_maintainer_scripts}/conffiles.in ${CMAKE_BINARY_DIR}/debian/conffiles @ONLY)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${CMAKE_BINARY_DIR}/debian/conffiles
    ${dayboard_maintainer_scripts}/postinst
    ${dayboard_maintainer_scripts}/prerm
    ${dayboard_maintainer_scripts}/postrm)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_APP_PACKAGE_NAME dayboard)
set(CPACK_DEBIAN_APP_PACKAGE_SECTION utils)
# ENCODING UTF-8: without it file(STRINGS) splits lines at non-ASCII bytes (the comments' "→").
file(STRINGS ${PROJECT_SOURCE_DIR}/tools/packages-run.txt dayboard_run_lines ENCODING UTF-8)
set(dayboard_run_packages)
foreach(line IN LISTS dayboard_run_lines)
    string(REGEX REPLACE "#.*" "" line "${line}")
    string(STRIP "${line}" line)
    if(line)
        list(APPEND dayboard_run_packages ${line})
    endif()
endforeach()
list(JOIN dayboard_run_packages ", " CPACK_DEBIAN_APP_PACKAGE_DEPENDS)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tools/packages-run.txt)
set(CPACK_COMPONENT_APP_DESCRIPTION "Calm per-day todo lists that sync
Dayboard keeps one short todo list per day: plan today, glance at the week, carry what is
unfinished over to today. Works offline with a built-in server and syncs live with a Dayboard
or HPKV server across windows, app instances and machines. dayboard-cli edits, watches,
exports and imports the same lists from the command line.")

include(CPack)
