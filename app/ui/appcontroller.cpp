// SPDX-License-Identifier: MIT
#include "ui/appcontroller.h"

#include "desktop/connectionmanager.h"
#include "desktop/embeddedserver.h"
#include "desktop/keystore.h"
#include "sync/daycache.h"
#include "sync/seriesstore.h"
#include "sync/syncsession.h"
#include "ui/connectiondescription.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QPointer>
#include <QSettings>

namespace {
QPointer<AppController> s_instance;
const QString themeKey = QStringLiteral("ui/theme");
const QString showDoneKey = QStringLiteral("ui/showDone");
const QString daySortKey = QStringLiteral("ui/daySort");

QDate fromIso(const QString &isoDate)
{
    return QDate::fromString(isoDate, Qt::ISODate);
}
} // namespace

AppController::AppController(DayCache *cache, SyncSession *session, ConnectionManager *connection,
                             QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_session(session)
    , m_connection(connection)
    , m_series(new SeriesStore(session, this))
    , m_settings(settings)
    , m_today(QDate::currentDate())
{
    m_series->setToday(m_today);
    connect(this, &AppController::todayChanged, m_series, [this] { m_series->setToday(m_today); });
    connect(session, &SyncSession::connectionStateChanged, this, &AppController::connectionChanged);
    connect(session, &SyncSession::pendingCountChanged, this, &AppController::connectionChanged);
    connect(session, &SyncSession::message, this, &AppController::toast);
    connect(connection, &ConnectionManager::changed, this, &AppController::serverChanged);
    connect(connection, &ConnectionManager::changed, this, &AppController::connectionChanged);
    connect(session, &SyncSession::synced, this, [this] {
        if (m_announcement.isEmpty())
            return;
        emit toast(m_announcement);
        m_announcement.clear();
    });
    connect(connection, &ConnectionManager::message, this, &AppController::toast);

    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, [this] {
        if (!m_clockInjected && QDate::currentDate() != m_today) {
            m_today = QDate::currentDate();
            emit todayChanged();
        }
        scheduleMidnight();
    });
    scheduleMidnight();

    updateSystemDark();
    if (qGuiApp)
        qGuiApp->installEventFilter(this);
}

AppController::~AppController()
{
    if (s_instance == this)
        s_instance = nullptr;
}

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT_X(s_instance, "AppController::create", "no AppController was registered");
    // The instance belongs to the application, not to any engine.
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void AppController::setInstance(AppController *instance)
{
    s_instance = instance;
}

DayCache *AppController::cache() const
{
    return m_cache;
}

SyncSession *AppController::session() const
{
    return m_session;
}

ConnectionManager *AppController::connection() const
{
    return m_connection;
}

QString AppController::connectionState() const
{
    return ConnectionDescription(m_session, connectionTarget()).state();
}

QString AppController::connectionText() const
{
    return ConnectionDescription(m_session, connectionTarget()).pillText();
}

QString AppController::connectionDetail() const
{
    return ConnectionDescription(m_session, connectionTarget()).detail();
}

bool AppController::connectionProblem() const
{
    return ConnectionDescription(m_session, connectionTarget()).isProblem();
}

QString AppController::connectionTarget() const
{
    if (m_connection->mode() == ConnectionManager::Mode::Embedded)
        return tr("the built-in server");
    const QUrl url = m_connection->currentUrl();
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

QString AppController::embeddedUrl() const
{
    return m_connection->embeddedServer()->baseUrl().toString();
}

QString AppController::embeddedKey() const
{
    return m_connection->embeddedServer()->apiKey();
}

QString AppController::embeddedNetworkUrl() const
{
    return m_connection->embeddedServer()->networkUrl().toString();
}

bool AppController::shareEmbedded() const
{
    return m_connection->shareEmbedded();
}

void AppController::setShareEmbedded(bool share)
{
    m_connection->setShareEmbedded(share);
}

int AppController::pendingCount() const
{
    return m_session->pendingCount();
}

QString AppController::today() const
{
    return m_today.toString(Qt::ISODate);
}

QDate AppController::todayDate() const
{
    return m_today;
}

void AppController::setToday(const QDate &today)
{
    m_clockInjected = true;
    if (m_today == today)
        return;
    m_today = today;
    emit todayChanged();
}

void AppController::scheduleMidnight()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime next = now.date().addDays(1).startOfDay();
    // A second late so the new date is certain; capped so clock jumps are noticed too.
    m_midnight.start(int(std::min<qint64>(now.msecsTo(next) + 1000, 3600 * 1000)));
}

QString AppController::serverMode() const
{
    return m_connection->mode() == ConnectionManager::Mode::Remote ? QStringLiteral("remote")
                                                                   : QStringLiteral("embedded");
}

QString AppController::remoteUrl() const
{
    return m_connection->remoteUrl().toString();
}

QString AppController::serverUrl() const
{
    return m_connection->currentUrl().toString();
}

QString AppController::serverError() const
{
    return m_connection->error();
}

bool AppController::hasApiKey() const
{
    return m_connection->hasApiKey();
}

QString AppController::keyStorageText() const
{
    return m_connection->keyStore()->storageDescription();
}

QString AppController::themeOverride() const
{
    const QString theme = m_settings->value(themeKey).toString();
    return (theme == u"light" || theme == u"dark") ? theme : QStringLiteral("system");
}

void AppController::setThemeOverride(const QString &theme)
{
    if (theme == themeOverride())
        return;
    m_settings->setValue(themeKey, theme);
    emit themeChanged();
}

bool AppController::darkTheme() const
{
    const QString theme = themeOverride();
    if (theme == u"system")
        return m_systemDark;
    return theme == u"dark";
}

bool AppController::systemDark() const
{
    return m_systemDark;
}

void AppController::updateSystemDark()
{
    // QStyleHints::colorScheme is 6.5+: the window colour's lightness tells the same story.
    const bool dark = qGuiApp && QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    if (dark == m_systemDark)
        return;
    m_systemDark = dark;
    emit themeChanged();
}

bool AppController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qGuiApp && event->type() == QEvent::ApplicationPaletteChange)
        updateSystemDark();
    return QObject::eventFilter(watched, event);
}

bool AppController::showDone() const
{
    return m_settings->value(showDoneKey, true).toBool();
}

void AppController::setShowDone(bool show)
{
    if (show == showDone())
        return;
    m_settings->setValue(showDoneKey, show);
    emit showDoneChanged();
}

int AppController::daySort() const
{
    return m_settings->value(daySortKey, 0).toInt();
}

void AppController::setDaySort(int mode)
{
    if (mode == daySort())
        return;
    m_settings->setValue(daySortKey, mode);
    emit daySortChanged();
}

QString AppController::version() const
{
    return QStringLiteral(DAYBOARD_VERSION);
}

void AppController::newWindow(const QString &isoDate)
{
    const QDate date = fromIso(isoDate);
    emit newWindowRequested(date.isValid() ? date : m_today);
}

bool AppController::applyServerSettings(const QString &mode, const QString &url, const QString &apiKey,
                                        bool bringLists)
{
    const bool remote = mode == u"remote";
    const QUrl parsed = ConnectionManager::normalizedUrl(url);
    if (remote && !parsed.isValid()) {
        emit toast(tr("“%1” is not a server address. Try https://example.com.").arg(url.trimmed()));
        return false;
    }
    const bool ok
        = m_connection->apply(remote ? ConnectionManager::Mode::Remote : ConnectionManager::Mode::Embedded,
                              parsed, apiKey.trimmed(), bringLists);
    if (ok)
        announceWhenSynced(remote ? tr("Now syncing with %1.").arg(parsed.host())
                                  : tr("Now using the built-in server."));
    return ok;
}

QString AppController::addDays(const QString &isoDate, int days) const
{
    const QDate date = fromIso(isoDate);
    return (date.isValid() ? date : m_today).addDays(days).toString(Qt::ISODate);
}

QString AppController::dayTitle(const QString &isoDate) const
{
    const QDate date = fromIso(isoDate);
    if (!date.isValid())
        return {};
    const qint64 offset = m_today.daysTo(date);
    if (offset == 0)
        return tr("Today");
    if (offset == 1)
        return tr("Tomorrow");
    if (offset == -1)
        return tr("Yesterday");
    return QLocale().dayName(date.dayOfWeek());
}

QString AppController::longDate(const QString &isoDate) const
{
    const QDate date = fromIso(isoDate);
    if (!date.isValid())
        return {};
    // The order and punctuation differ by language ("Monday, 7 December", "Montag, 7. Dezember"):
    // the translation gives the QLocale format, QLocale the names.
    const QString format = date.year() == m_today.year()
        ? tr("dddd, d MMMM", "QLocale date format: a day of this year")
        : tr("dddd, d MMMM yyyy", "QLocale date format: a day of another year");
    return QLocale().toString(date, format);
}

QString AppController::monthTitle(int year, int month) const
{
    return QLocale().toString(QDate(year, month, 1), QStringLiteral("MMMM yyyy"));
}

int AppController::yearOf(const QString &isoDate) const
{
    const QDate date = fromIso(isoDate);
    return (date.isValid() ? date : m_today).year();
}

int AppController::monthOf(const QString &isoDate) const
{
    const QDate date = fromIso(isoDate);
    // MonthGrid counts months from 0, like JavaScript.
    return (date.isValid() ? date : m_today).month() - 1;
}

void AppController::notify(const QString &text)
{
    emit toast(text);
}

void AppController::announceWhenSynced(const QString &text)
{
    // Said once the new server served a day (SyncSession::synced), not while it may be unreachable.
    m_announcement = text;
}

void AppController::copyToClipboard(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

void AppController::refreshKeyStorage()
{
    if (m_connection->keyStore()->backend() == KeyStore::Backend::Unknown)
        m_connection->keyStore()->read([](const QString &) {});
}
