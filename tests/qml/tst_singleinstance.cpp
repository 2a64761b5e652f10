// SPDX-License-Identifier: MIT
// One Dayboard per user and data folder: a second launch hands "new window" to the first.
#include "singleinstance.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <future>

class TstSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void secondLaunchAsksTheFirstForAWindow();
    void nobodyRunningMeansStart();
    void otherDataDirIsAnotherInstance();
};

void TstSingleInstance::secondLaunchAsksTheFirstForAWindow()
{
    QTemporaryDir dir;
    SingleInstance first(dir.path());
    QVERIFY(first.listen());
    QSignalSpy requested(&first, &SingleInstance::newWindowRequested);

    // The second launch blocks on its socket, as in a real second process: run it aside.
    auto second = std::async(std::launch::async, [path = dir.path()] {
        SingleInstance other(path);
        return other.forwardToRunning(10000);
    });
    QTRY_COMPARE_WITH_TIMEOUT(requested.count(), 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(second.wait_for(std::chrono::seconds(0)) == std::future_status::ready, 15000);
    QVERIFY(second.get());
}

void TstSingleInstance::nobodyRunningMeansStart()
{
    QTemporaryDir dir;
    SingleInstance alone(dir.path());
    QVERIFY(!alone.forwardToRunning(2000));
    QVERIFY(alone.listen());
}

void TstSingleInstance::otherDataDirIsAnotherInstance()
{
    QTemporaryDir a;
    QTemporaryDir b;
    SingleInstance first(a.path());
    SingleInstance second(b.path());
    QVERIFY(first.serverName() != second.serverName());
    QVERIFY(first.listen());
    QVERIFY(!second.forwardToRunning(2000));
}

QTEST_GUILESS_MAIN(TstSingleInstance)
#include "tst_singleinstance.moc"
