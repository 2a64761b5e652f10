# SPDX-License-Identifier: MIT
# Desktop integration files, installed with the dayboard executable (included from app/).
set(dayboard_resources ${PROJECT_SOURCE_DIR}/resources)
install(FILES ${dayboard_resources}/dayboard.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
        RENAME io.dayboard.Dayboard.desktop)
install(FILES ${dayboard_resources}/io.dayboard.Dayboard.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${dayboard_resources}/icons/io.dayboard.Dayboard.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
