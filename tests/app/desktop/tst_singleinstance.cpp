// SPDX-License-Identifier: MIT
// One Dayboard per user and data folder: a second launch hands "new window" to the first; a
// live instance's socket is never taken over, a stale one (crashed instance) is.
#include "desktop/singleinstance.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <future>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

// A second launch blocks on its socket, as in a real second process: run it aside.
std::future<bool> launchAside(const QString &dataDir)
{
    return std::async(std::launch::async, [dataDir] {
        SingleInstance other(dataDir);
        return other.forwardToRunning(10000, 10000);
    });
}

// What a crashed instance leaves behind: a socket file nothing listens on.
bool createStaleSocketFile(const QString &path)
{
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(path);
    if (encoded.size() >= qsizetype(sizeof(address.sun_path)))
        return false;
    std::copy(encoded.begin(), encoded.end(), address.sun_path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd);
    return bound && QFile::exists(path);
}

} // namespace

class TstSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void secondLaunchAsksTheFirstForAWindow();
    void nobodyRunningMeansStart();
    void otherDataDirIsAnotherInstance();
    void liveInstanceKeepsItsSocket();
    void staleSocketIsReplaced();
};

void TstSingleInstance::secondLaunchAsksTheFirstForAWindow()
{
    QTemporaryDir dir;
    SingleInstance first(dir.path());
    QVERIFY(first.listen());
    QSignalSpy requested(&first, &SingleInstance::newWindowRequested);

    auto second = launchAside(dir.path());
    QTRY_COMPARE_WITH_TIMEOUT(requested.count(), 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(second.wait_for(std::chrono::seconds(0)) == std::future_status::ready, 15000);
    QVERIFY(second.get());
}

void TstSingleInstance::nobodyRunningMeansStart()
{
    QTemporaryDir dir;
    SingleInstance alone(dir.path());
    QVERIFY(!alone.forwardToRunning(2000, 2000));
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
    QVERIFY(!second.forwardToRunning(2000, 2000));
}

void TstSingleInstance::liveInstanceKeepsItsSocket()
{
    QTemporaryDir dir;
    SingleInstance first(dir.path());
    QVERIFY(first.listen());
    QSignalSpy requested(&first, &SingleInstance::newWindowRequested);

    // A launch that found nobody a moment ago (two launches at once) must not take over.
    SingleInstance late(dir.path());
    QVERIFY(!late.listen());
    QVERIFY(late.isHeldByOtherInstance());

    auto second = launchAside(dir.path());
    QTRY_COMPARE_WITH_TIMEOUT(requested.count(), 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(second.wait_for(std::chrono::seconds(0)) == std::future_status::ready, 15000);
    QVERIFY(second.get());
}

void TstSingleInstance::staleSocketIsReplaced()
{
    QTemporaryDir dir;
    SingleInstance restarted(dir.path());
    const QString socketPath = QDir(QDir::tempPath()).filePath(restarted.serverName());
    QVERIFY2(createStaleSocketFile(socketPath), qPrintable(socketPath));

    QVERIFY(!restarted.forwardToRunning(2000, 2000));
    QVERIFY(restarted.listen());
    QVERIFY(!restarted.isHeldByOtherInstance());

    QSignalSpy requested(&restarted, &SingleInstance::newWindowRequested);
    auto second = launchAside(dir.path());
    QTRY_COMPARE_WITH_TIMEOUT(requested.count(), 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(second.wait_for(std::chrono::seconds(0)) == std::future_status::ready, 15000);
    QVERIFY(second.get());
}

QTEST_GUILESS_MAIN(TstSingleInstance)
#include "tst_singleinstance.moc"
