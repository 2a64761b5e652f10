// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <memory>

class QMenu;
class QSystemTrayIcon;

/**
 * @brief The tray icon (QSystemTrayIcon, a StatusNotifierItem on Plasma and GNOME with the
 * AppIndicator extension) shown while Dayboard keeps running in the background: menu "Open
 * Dayboard" and "Quit"; a click opens a window. Needs a QApplication (Qt Widgets).
 */
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    void setVisible(bool visible);
    bool isVisible() const;

signals:
    void openRequested();
    void quitRequested();

private:
    std::unique_ptr<QMenu> m_menu;
    QSystemTrayIcon *m_icon;
};
