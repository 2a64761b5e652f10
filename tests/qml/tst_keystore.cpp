// SPDX-License-Identifier: MIT
// KeyStore: the remote API key round-trips through the system keyring, or, where there is
// none (as on a bare CI machine), through a 0600 file, and Settings is told which.
#include "keystore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

class TstKeyStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
};

void TstKeyStore::roundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    KeyStore store(dir.path());
    QCOMPARE(store.backend(), KeyStore::Backend::Unknown);

    std::optional<bool> written;
    store.write(QStringLiteral("secret-key-1"), [&](bool ok) { written = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 30000);
    QVERIFY(*written);
    QVERIFY(store.backend() != KeyStore::Backend::Unknown);
    if (store.backend() == KeyStore::Backend::File) {
        QVERIFY(QFile::exists(store.fallbackFile()));
        QCOMPARE(QFile::permissions(store.fallbackFile()) & 0x0077, QFileDevice::Permissions());
        QVERIFY(store.storageDescription().contains(store.fallbackFile()));
    } else {
        QVERIFY(!QFile::exists(store.fallbackFile()));
    }

    std::optional<QString> read;
    KeyStore again(dir.path());
    again.read([&](const QString &key) { read = key; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 30000);
    QCOMPARE(*read, QStringLiteral("secret-key-1"));
    QCOMPARE(again.backend(), store.backend());
}

QTEST_GUILESS_MAIN(TstKeyStore)
#include "tst_keystore.moc"
