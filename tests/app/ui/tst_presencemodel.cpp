// SPDX-License-Identifier: MIT
#include "daemon/dayboardserver.h"
#include "sync/hpkvclient.h"
#include "sync/presenceclient.h"
#include "ui/presencemodel.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/**
 * @brief PresenceModel (a window's "Also here" line and week-strip marks) over two app sessions
 * of a real server: Anna's app with two windows, Ben's app with one.
 */
class TestPresenceModel : public QObject
{
    Q_OBJECT

private slots:
    void alsoHereNamesOthersAndAnotherWindow()
    {
        ServerConfig config;
        config.port = 0;
        config.memory = true;
        config.apiKeys = { u"presence-model-key"_s };
        DayboardServer server(config);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QUrl url(u"http://127.0.0.1:%1"_s.arg(server.port()));
        HpkvClient annaClient;
        HpkvClient benClient;
        QSignalSpy annaUp(&annaClient, &HpkvClient::connected);
        QSignalSpy benUp(&benClient, &HpkvClient::connected);
        annaClient.setEndpoint(url, u"presence-model-key"_s);
        benClient.setEndpoint(url, u"presence-model-key"_s);
        QVERIFY(annaUp.wait(10000) || !annaUp.isEmpty());
        QVERIFY(benUp.count() > 0 || benUp.wait(10000));

        QTemporaryDir dir;
        QSettings annaSettings(dir.filePath(u"anna.ini"_s), QSettings::IniFormat);
        QSettings benSettings(dir.filePath(u"ben.ini"_s), QSettings::IniFormat);
        annaSettings.setValue(PresenceModel::deviceNameKey, u"Anna's laptop"_s);
        PresenceModel annaWindow;
        PresenceModel annaSecondWindow;
        PresenceModel benWindow;
        annaWindow.setPresenceClient(PresenceClient::forClient(&annaClient), &annaSettings);
        annaSecondWindow.setPresenceClient(PresenceClient::forClient(&annaClient), &annaSettings);
        benWindow.setPresenceClient(PresenceClient::forClient(&benClient), &benSettings);
        benWindow.setDeviceName(u"Ben's desktop"_s);
        QCOMPARE(benSettings.value(PresenceModel::deviceNameKey).toString(), u"Ben's desktop"_s);
        QCOMPARE(annaWindow.deviceName(), u"Anna's laptop"_s);

        annaWindow.setDate(u"2026-12-07"_s);
        annaSecondWindow.setDate(u"2026-12-07"_s);
        benWindow.setDate(u"2026-12-09"_s); // same week, another day
        QTRY_COMPARE_WITH_TIMEOUT(annaWindow.text(), u"Also here: another window"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(annaWindow.busyDates(), QStringList({ u"2026-12-07"_s, u"2026-12-09"_s }),
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(benWindow.busyDates(), QStringList({ u"2026-12-07"_s }), 10000);
        QVERIFY(benWindow.text().isEmpty());
        QVERIFY(annaWindow.available());

        benWindow.setDate(u"2026-12-07"_s);
        QTRY_COMPARE_WITH_TIMEOUT(annaWindow.text(), u"Also here: Ben's desktop, another window"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(benWindow.text(), u"Also here: Anna's laptop, Anna's laptop"_s, 10000);
        QCOMPARE(annaWindow.busyDates(), QStringList({ u"2026-12-07"_s }));
    }
};

QTEST_MAIN(TestPresenceModel)
#include "tst_presencemodel.moc"
