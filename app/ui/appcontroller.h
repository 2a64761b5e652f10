// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>

class ConnectionManager;
class DayCache;
class QSettings;
class SeriesStore;
class SyncSession;

/**
 * @brief The app-wide state QML binds to (singleton `App`): sync status, settings, today.
 *
 * One instance per process, shared by every window; it is created by Application (or a
 * test) and handed to QML through create(). Toasts come out of `toast()`; nothing here
 * ever opens a modal dialog. Dates are ISO strings ("yyyy-MM-dd") on the QML side.
 */
class AppController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(QString connectionState READ connectionState NOTIFY connectionChanged)
    Q_PROPERTY(QString connectionText READ connectionText NOTIFY connectionChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY connectionChanged)
    Q_PROPERTY(QString connectionDetail READ connectionDetail NOTIFY connectionChanged)
    Q_PROPERTY(bool connectionProblem READ connectionProblem NOTIFY connectionChanged)
    Q_PROPERTY(QString connectionTarget READ connectionTarget NOTIFY connectionChanged)
    Q_PROPERTY(QString embeddedUrl READ embeddedUrl NOTIFY serverChanged)
    Q_PROPERTY(QString embeddedKey READ embeddedKey NOTIFY serverChanged)
    Q_PROPERTY(QString embeddedNetworkUrl READ embeddedNetworkUrl NOTIFY serverChanged)
    Q_PROPERTY(bool shareEmbedded READ shareEmbedded WRITE setShareEmbedded NOTIFY serverChanged)
    Q_PROPERTY(QString today READ today NOTIFY todayChanged)
    Q_PROPERTY(QString serverMode READ serverMode NOTIFY serverChanged)
    Q_PROPERTY(QString remoteUrl READ remoteUrl NOTIFY serverChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY serverChanged)
    Q_PROPERTY(QString serverError READ serverError NOTIFY serverChanged)
    Q_PROPERTY(bool hasApiKey READ hasApiKey NOTIFY serverChanged)
    Q_PROPERTY(QString keyStorageText READ keyStorageText NOTIFY serverChanged)
    Q_PROPERTY(QString themeOverride READ themeOverride WRITE setThemeOverride NOTIFY themeChanged)
    Q_PROPERTY(bool darkTheme READ darkTheme NOTIFY themeChanged)
    Q_PROPERTY(bool showDone READ showDone WRITE setShowDone NOTIFY showDoneChanged)
    /** Settings: closing the last window leaves the app in the tray, so reminders still fire. */
    Q_PROPERTY(bool keepRunning READ keepRunning WRITE setKeepRunning NOTIFY keepRunningChanged)
    /** View → Sort: how every window shows a day (TodoFilterModel::SortMode as int), remembered. */
    Q_PROPERTY(int daySort READ daySort WRITE setDaySort NOTIFY daySortChanged)
    Q_PROPERTY(QString version READ version CONSTANT)

public:
    AppController(DayCache *cache, SyncSession *session, ConnectionManager *connection, QSettings *settings,
                  QObject *parent = nullptr);
    ~AppController() override;

    /** The QML engine's way in: returns the instance registered with setInstance(). */
    static AppController *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void setInstance(AppController *instance);

    DayCache *cache() const;
    SyncSession *session() const;
    QSettings *settings() const { return m_settings; }
    ConnectionManager *connection() const;
    /** The recurring todos of the server in use (kept at today by the controller's clock). */
    SeriesStore *seriesStore() const { return m_series; }

    QString connectionState() const;
    QString connectionText() const;
    int pendingCount() const;
    /** The whole story of the connection and what to do about a problem (pill tooltip, Settings). */
    QString connectionDetail() const;
    /** Key refused, unreachable, not a sync server or TLS: something the user can act on. */
    bool connectionProblem() const;
    /** What the app syncs with: "the built-in server" or the remote host. */
    QString connectionTarget() const;
    /** The built-in server's address and key, for the web app, a script or another device. */
    QString embeddedUrl() const;
    QString embeddedKey() const;
    QString embeddedNetworkUrl() const;
    /** The built-in server listens on every interface instead of 127.0.0.1 (after a restart). */
    bool shareEmbedded() const;
    void setShareEmbedded(bool share);
    QString today() const;
    QDate todayDate() const;
    QString serverMode() const;
    QString remoteUrl() const;
    QString serverUrl() const;
    QString serverError() const;
    bool hasApiKey() const;
    QString keyStorageText() const;
    QString themeOverride() const;
    void setThemeOverride(const QString &theme);
    bool darkTheme() const;
    bool systemDark() const;
    bool showDone() const;
    void setShowDone(bool show);
    bool keepRunning() const;
    void setKeepRunning(bool keep);
    int daySort() const;
    void setDaySort(int mode);
    QString version() const;

    /** Injects the clock (tests of midnight rollover). */
    void setToday(const QDate &today);

    Q_INVOKABLE void newWindow(const QString &isoDate = {});
    /**
     * Switches between "embedded" and "remote" at once; an empty key keeps the stored one.
     * `bringLists`: every day with todos on the current server is copied to the new one
     * (ListCopier, merged by todo id) and the result said as a note.
     */
    Q_INVOKABLE bool applyServerSettings(const QString &mode, const QString &url, const QString &apiKey,
                                         bool bringLists = false);
    Q_INVOKABLE QString addDays(const QString &isoDate, int days) const;
    /** "Today", "Tomorrow", "Yesterday" or the weekday name. */
    Q_INVOKABLE QString dayTitle(const QString &isoDate) const;
    /** The long date, e.g. "Sunday, 22 November 2026". */
    Q_INVOKABLE QString longDate(const QString &isoDate) const;
    Q_INVOKABLE QString monthTitle(int year, int month) const;
    Q_INVOKABLE int yearOf(const QString &isoDate) const;
    Q_INVOKABLE int monthOf(const QString &isoDate) const;
    Q_INVOKABLE void notify(const QString &text);
    Q_INVOKABLE void copyToClipboard(const QString &text);
    /** Finds out whether a system keyring is usable, so Settings can say where the key lives. */
    Q_INVOKABLE void refreshKeyStorage();

signals:
    void connectionChanged();
    void todayChanged();
    void serverChanged();
    void themeChanged();
    void showDoneChanged();
    void keepRunningChanged();
    void daySortChanged();
    /** A non-blocking note for the user; every window shows it as a toast. */
    void toast(const QString &text);
    void newWindowRequested(const QDate &date);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleMidnight();
    void updateSystemDark();
    /** "Now syncing with …" once the new server served a day (SyncSession::synced). */
    void announceWhenSynced(const QString &text);

    DayCache *m_cache;
    SyncSession *m_session;
    ConnectionManager *m_connection;
    SeriesStore *m_series;
    QSettings *m_settings;
    QTimer m_midnight;
    QDate m_today;
    bool m_systemDark = false;
    bool m_clockInjected = false;
    QString m_announcement;
};
