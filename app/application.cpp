// SPDX-License-Identifier: MIT
#include "application.h"

#include "desktop/connectionmanager.h"
#include "desktop/datamigration.h"
#include "desktop/notifier.h"
#include "desktop/reminderscheduler.h"
#include "desktop/singleinstance.h"
#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "trayicon.h"
#include "ui/appcontroller.h"

#include <QApplication>
#include <QDir>
#include <QGuiApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QSettings>
#include <QTimer>

Q_LOGGING_CATEGORY(lcApp, "dayboard.ui.app")

const QString Application::mainQmlUrl = QStringLiteral("qrc:/qt-project.org/imports/Dayboard/Main.qml");

namespace {
const QString geometryKey = QStringLiteral("window/geometry");
/// How long Quit waits for queued edits to reach a connected server (they stay on disk anyway).
constexpr int quitWriteGraceMs = 3000;
} // namespace

Application::Application(const AppOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{ }

Application::~Application()
{
    for (const auto &window : std::as_const(m_windows))
        delete window.data();
    m_engine.reset();
    AppController::setInstance(nullptr);
}

int Application::start()
{
    m_startTimer.start();
    const bool defaultDataDir = m_options.dataDir == AppOptions::defaultDataDir();
    // Before anything opens a file in it (the single-instance lock included). An older
    // Dayboard still running on the old folder keeps its files open: they stay for next time.
    if (defaultDataDir)
        DataMigration::move(DataMigration::oldDataDir(), m_options.dataDir);
    m_instance = new SingleInstance(m_options.dataDir, this);
    if (m_instance->forwardToRunning())
        return handedOverToRunning();
    if (!m_instance->listen() && m_instance->isHeldByOtherInstance()) {
        // Launched together with another Dayboard, which listens now: it answers once its
        // first window is up. Never run a second instance on the same data folder.
        if (m_instance->forwardToRunning())
            return handedOverToRunning();
        qCCritical(lcApp).noquote() << "another Dayboard is running on" << m_options.dataDir
                                    << "but does not answer; not starting a second one";
        return 1;
    }

    QDir().mkpath(m_options.dataDir);
    // With --data-dir everything, settings included, stays in that folder.
    m_settings = defaultDataDir
        ? std::make_unique<QSettings>()
        : std::make_unique<QSettings>(QDir(m_options.dataDir).filePath(QStringLiteral("settings.ini")),
                                      QSettings::IniFormat);

    m_cache = new DayCache(this);
    m_session = new SyncSession(
        m_cache, QDir(m_options.dataDir).filePath(QStringLiteral("pending-operations.json")), this);
    m_connection = new ConnectionManager(m_session, m_settings.get(), m_options.dataDir, this);
    m_connection->setOverride(m_options.server, m_options.apiKey);
    m_controller = new AppController(m_cache, m_session, m_connection, m_settings.get(), this);
    AppController::setInstance(m_controller);

    connect(m_controller, &AppController::newWindowRequested, this,
            [this](const QDate &date) { openWindow(date); });
    connect(m_instance, &SingleInstance::newWindowRequested, this, [this] {
        qCInfo(lcApp) << "another launch asked for a new window";
        if (QQuickWindow *window = openWindow(m_controller->todayDate()))
            window->requestActivate();
    });

    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/dayboard/icons/io.dayboard.Dayboard.svg")));
    m_engine = std::make_unique<QQmlApplicationEngine>();
    // Qt.quit() (Ctrl+Q, File → Quit) and closing the last window end the app the same way.
    connect(m_engine.get(), &QQmlEngine::quit, this, &Application::quit, Qt::QueuedConnection);
    QGuiApplication::setQuitOnLastWindowClosed(false);
    connect(qGuiApp, &QGuiApplication::lastWindowClosed, this, &Application::lastWindowClosed,
            Qt::QueuedConnection);
    // One reminder scheduler for the whole process, whatever the number of windows.
    m_notifier = new Notifier(QDBusConnection::sessionBus(), this);
    m_reminders = new ReminderScheduler(m_session, m_notifier, this);
    connect(m_controller, &AppController::keepRunningChanged, this, &Application::updateTray);
    updateTray();
    m_component = new QQmlComponent(m_engine.get(), QUrl(mainQmlUrl), QQmlComponent::PreferSynchronous, this);
    if (m_component->isError()) {
        qCCritical(lcApp).noquote() << m_component->errorString();
        return 1;
    }
    QQuickWindow *first = openWindow(m_controller->todayDate());
    if (!first)
        return 1;
    // frameSwapped comes from the render thread: a single-shot connection logs it once even
    // when the second frame is swapped before the first queued call runs.
    connect(
        first, &QQuickWindow::frameSwapped, this,
        [this] { qCInfo(lcApp) << "first window shown after" << m_startTimer.elapsed() << "ms"; },
        Qt::SingleShotConnection);
    // Ctrl+Q quits without closing windows one by one: remember where they were anyway.
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
        for (const auto &window : std::as_const(m_windows)) {
            if (window)
                saveGeometry(window);
        }
    });
    // The window is up; only now start the server and the network (never block the first paint).
    QTimer::singleShot(0, m_connection, &ConnectionManager::start);
    QTimer::singleShot(0, m_reminders, &ReminderScheduler::start);
    return 0;
}

int Application::handedOverToRunning() const
{
    qCInfo(lcApp) << "Dayboard is already running: asked it for a new window";
    // The running instance keeps its own connection: say so instead of dropping these silently.
    if (m_options.server.isValid() || !m_options.apiKey.isEmpty())
        qCWarning(lcApp) << "--server and --api-key only apply when Dayboard is not running yet;"
                         << "the running instance keeps its server (change it in Settings)";
    return -1;
}

QQuickWindow *Application::openWindow(const QDate &date)
{
    QObject *object = m_component->createWithInitialProperties(
        { { QStringLiteral("day"), date.toString(Qt::ISODate) } }, m_engine->rootContext());
    auto *window = qobject_cast<QQuickWindow *>(object);
    if (!window) {
        qCCritical(lcApp).noquote() << "Main.qml did not give a window:" << m_component->errorString();
        delete object;
        return nullptr;
    }
    const QRect saved = m_settings->value(geometryKey).toRect();
    if (saved.isValid()) {
        // Later windows cascade from the remembered place instead of covering each other.
        const int cascade = 32 * int(m_windows.size());
        window->setGeometry(saved.translated(cascade, cascade));
    }
    window->installEventFilter(this);
    m_windows.append(window);
    window->show();
    return window;
}

bool Application::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Close) {
        if (auto *window = qobject_cast<QQuickWindow *>(watched)) {
            saveGeometry(window);
            m_windows.removeAll(window);
            window->deleteLater();
        }
    }
    return QObject::eventFilter(watched, event);
}

void Application::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    qCInfo(lcApp) << "quitting";
    // Closing saves each window's geometry (eventFilter).
    for (const auto &window : QList<QPointer<QQuickWindow>>(m_windows)) {
        if (window)
            window->close();
    }
    if (!m_session || m_session->pendingCount() == 0
        || m_session->connectionState() != SyncSession::ConnectionState::Connected) {
        finishQuit();
        return;
    }
    qCInfo(lcApp) << "waiting for" << m_session->pendingCount() << "queued edits to reach the server";
    auto *grace = new QTimer(this);
    grace->setSingleShot(true);
    connect(grace, &QTimer::timeout, this, [this, grace] {
        grace->deleteLater();
        grace->disconnect();
        finishQuit();
    });
    connect(m_session, &SyncSession::pendingCountChanged, grace, [this, grace] {
        if (m_session->pendingCount() == 0)
            grace->start(0);
    });
    grace->start(quitWriteGraceMs);
}

void Application::lastWindowClosed()
{
    // With "Keep running in the background" the tray icon stays and reminders still fire.
    if (m_controller && m_controller->keepRunning() && m_tray) {
        qCInfo(lcApp) << "last window closed: running in the background";
        return;
    }
    quit();
}

void Application::updateTray()
{
    // QSystemTrayIcon needs a QApplication (main.cpp); tests driving Application may not have one.
    const bool wanted = m_controller->keepRunning();
    if (!m_tray && wanted && qobject_cast<QApplication *>(QCoreApplication::instance())) {
        m_tray = new TrayIcon(this);
        connect(m_tray, &TrayIcon::openRequested, this, [this] {
            if (QQuickWindow *window = openWindow(m_controller->todayDate()))
                window->requestActivate();
        });
        connect(m_tray, &TrayIcon::quitRequested, this, &Application::quit);
    }
    if (m_tray)
        m_tray->setVisible(wanted);
}

void Application::finishQuit()
{
    if (!m_session || !m_connection) {
        QCoreApplication::exit(0);
        return;
    }
    // Edits not sent yet are kept in the queue file and go out on the next start.
    const auto stop = [this] {
        if (m_session->pendingCount() > 0)
            qCInfo(lcApp) << m_session->pendingCount() << "queued edits kept on disk for the next start";
        m_connection->shutdown([] { QCoreApplication::exit(0); });
    };
    if (m_session->isQueueSaved()) {
        stop();
        return;
    }
    connect(m_session, &SyncSession::queueSaved, this, stop, Qt::SingleShotConnection);
}

void Application::saveGeometry(QQuickWindow *window)
{
    if (window->visibility() == QWindow::Windowed)
        m_settings->setValue(geometryKey, window->geometry());
}
