// SPDX-License-Identifier: MIT
// Quit (Ctrl+Q, File → Quit) on the real app: Application with its window, its embedded server
// in a temporary data folder, and the event loop it runs in main().
#include "application.h"
#include "desktop/connectionmanager.h"
#include "desktop/embeddedserver.h"
#include "sync/syncsession.h"
#include "sync/todooperation.h"
#include "ui/appcontroller.h"

#include <QGuiApplication>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

Q_IMPORT_QML_PLUGIN(DayboardPlugin)

class TestQuit : public QObject
{
    Q_OBJECT

private slots:
    void ctrlQClosesWindowsSendsEditsStopsServerExitsZero();
};

void TestQuit::ctrlQClosesWindowsSendsEditsStopsServerExitsZero()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AppOptions options;
    options.dataDir = dir.path();
    Application app(options);
    QCOMPARE(app.start(), 0);
    AppController *controller = AppController::create(nullptr, nullptr);
    SyncSession *session = controller->session();
    QTRY_VERIFY_WITH_TIMEOUT(session->connectionState() == SyncSession::ConnectionState::Connected, 20000);
    EmbeddedServer *server = controller->connection()->embeddedServer();
    const quint16 port = quint16(server->baseUrl().port());
    QVERIFY(port != 0);

    QQuickWindow *first = app.openWindow(QDate(2031, 3, 4));
    QVERIFY(first);
    QVERIFY(QTest::qWaitForWindowExposed(first));
    first->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(first));

    // An edit still on its way when the user quits.
    Todo todo;
    todo.id = QStringLiteral("quit-1");
    todo.text = QStringLiteral("Sent before exit");
    session->submit(TodoOperation::insert(QDate(2031, 3, 4), todo, 0));

    // Only the press: Ctrl+Q fires on it, and QTest processes events right after it, so the
    // window may already be closed and deleted when a synthetic release would be sent to it.
    QTest::keyPress(first, Qt::Key_Q, Qt::ControlModifier);
    // Before the fix Qt.quit() reached no receiver and the loop ran on: end it with another code.
    QTimer watchdog;
    watchdog.setSingleShot(true);
    connect(&watchdog, &QTimer::timeout, qApp, [] { QCoreApplication::exit(99); });
    watchdog.start(30000);
    QCOMPARE(QGuiApplication::exec(), 0);

    int visible = 0;
    for (QWindow *window : QGuiApplication::topLevelWindows())
        visible += window->isVisible() ? 1 : 0;
    QCOMPARE(visible, 0);
    QCOMPARE(session->pendingCount(), 0);
    QVERIFY(session->isQueueSaved());
    QVERIFY(!server->isRunning());
    QVERIFY(!server->isStopping());
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!probe.waitForConnected(2000));
}

QTEST_MAIN(TestQuit)

#include "tst_quit.moc"
