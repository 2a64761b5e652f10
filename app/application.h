// SPDX-License-Identifier: MIT
#pragma once

#include "desktop/appoptions.h"

#include <QDate>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <memory>

class AppController;
class ConnectionManager;
class DayCache;
class Notifier;
class ReminderScheduler;
class TrayIcon;
class QQmlApplicationEngine;
class QQmlComponent;
class QQuickWindow;
class QSettings;
class SingleInstance;
class SyncSession;

/**
 * @brief The desktop app: the shared sync core, the embedded server, and the windows.
 *
 * One QQmlApplicationEngine; each window is an instance of Main.qml showing its own day.
 * The first window appears before any network or server work starts.
 */
class Application : public QObject
{
    Q_OBJECT

public:
    explicit Application(const AppOptions &options, QObject *parent = nullptr);
    ~Application() override;

    /** 0: this process runs the app; otherwise the exit code (another instance took over). */
    int start();
    QQuickWindow *openWindow(const QDate &date);
    /**
     * Quit (Ctrl+Q, File → Quit, Qt.quit(), the last window closed): closes every window,
     * gives queued edits a moment to reach the server (they stay on disk either way), stops the
     * embedded server gracefully and exits the event loop with 0.
     */
    void quit();

    static const QString mainQmlUrl;

private:
    int handedOverToRunning() const;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void saveGeometry(QQuickWindow *window);
    void finishQuit();
    void lastWindowClosed();
    void updateTray();

    AppOptions m_options;
    std::unique_ptr<QSettings> m_settings;
    DayCache *m_cache = nullptr;
    SyncSession *m_session = nullptr;
    ConnectionManager *m_connection = nullptr;
    AppController *m_controller = nullptr;
    SingleInstance *m_instance = nullptr;
    Notifier *m_notifier = nullptr;
    ReminderScheduler *m_reminders = nullptr;
    TrayIcon *m_tray = nullptr;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQmlComponent *m_component = nullptr;
    QList<QPointer<QQuickWindow>> m_windows;
    QElapsedTimer m_startTimer;
    bool m_quitting = false;
};
