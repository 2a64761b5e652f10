// SPDX-License-Identifier: MIT
// KeyStore without a keyring (as on a bare CI machine): the remote API key round-trips through
// a 0600 file and Settings is told where it lives. The session bus points at a socket that does
// not exist, so this test never touches the keyring of the desktop it runs on.
// tst_keystore_secretservice covers a real keyring.
#include "desktop/keystore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

class TstKeyStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTripThroughFile();

private:
    QTemporaryDir m_noBusDir;
};

void TstKeyStore::initTestCase()
{
    QVERIFY(m_noBusDir.isValid());
    // Set before the first KeyStore call: D-Bus clients read it when they first connect.
    qputenv("DBUS_SESSION_BUS_ADDRESS",
            QByteArray("unix:path=")
                + QFile::encodeName(QDir(m_noBusDir.path()).filePath(QStringLiteral("no-bus"))));
    for (const char *variable : { "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                                  "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID" })
        qunsetenv(variable);
}

void TstKeyStore::roundTripThroughFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    KeyStore store(dir.path());
    QSignalSpy backendChanged(&store, &KeyStore::backendChanged);
    QCOMPARE(store.backend(), KeyStore::Backend::Unknown);

    std::optional<bool> written;
    store.write(QStringLiteral("secret-key-1"), [&](bool ok) { written = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 30000);
    QVERIFY(*written);
    QCOMPARE(store.backend(), KeyStore::Backend::File);
    QCOMPARE(backendChanged.count(), 1);
    QVERIFY(QFile::exists(store.fallbackFile()));
    QCOMPARE(QFile::permissions(store.fallbackFile()) & 0x0077, QFileDevice::Permissions());
    QVERIFY(store.storageDescription().contains(QDir::toNativeSeparators(store.fallbackFile())));

    std::optional<QString> read;
    KeyStore again(dir.path());
    again.read([&](const QString &key) { read = key; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 30000);
    QCOMPARE(*read, QStringLiteral("secret-key-1"));
    QCOMPARE(again.backend(), KeyStore::Backend::File);
}

QTEST_GUILESS_MAIN(TstKeyStore)
#include "tst_keystore.moc"
