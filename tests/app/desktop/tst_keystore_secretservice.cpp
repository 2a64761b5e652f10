// SPDX-License-Identifier: MIT
// KeyStore against a real Secret Service: gnome-keyring on a private D-Bus session bus. The key
// round-trips through the keyring (no 0600 file) and outlives the KeyStore, a fallback file
// (older run, or a save while the keyring was down) wins and moves into the keyring on the next
// save, and when the keyring goes away the file is used again and Settings is told
// (backendChanged, storageDescription).
#include "desktop/keystore.h"
#include "environmentskip.h"
#include "secretservicesession.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

namespace {

constexpr int keyringTimeoutMs = 30000;

const QString noAnswer = QStringLiteral("<KeyStore::read did not answer>");

QString readKey(KeyStore &store)
{
    std::optional<QString> key;
    store.read([&key](const QString &value) { key = value; });
    QTest::qWaitFor([&key] { return key.has_value(); }, keyringTimeoutMs);
    return key.value_or(noAnswer);
}

bool writeKey(KeyStore &store, const QString &key)
{
    std::optional<bool> written;
    store.write(key, [&written](bool ok) { written = ok; });
    QTest::qWaitFor([&written] { return written.has_value(); }, keyringTimeoutMs);
    return written.value_or(false);
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstKeyStoreSecretService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void olderFallbackFileMovesIntoKeyring();
    void keyRoundTripsThroughKeyring();
    void keySavedWhileKeyringWasDownWins();
    void unavailableKeyringFallsBackToFile();

private:
    SecretServiceSession m_session;
    QTemporaryDir m_dataDir;
};

void TstKeyStoreSecretService::initTestCase()
{
    const QString missing = SecretServiceSession::missingPrograms();
    if (!missing.isEmpty())
        DAYBOARD_ENVIRONMENT_SKIP(
            QStringLiteral("no Secret Service to test against: %1 not on PATH "
                           "(install gnome-keyring and dbus-daemon, see tools/dependencies.sh)")
                .arg(missing));
    QVERIFY(m_dataDir.isValid());
    QVERIFY2(m_session.start(), qPrintable(m_session.errorString()));
    // Every D-Bus client in this process (libsecret inside QtKeychain) connects on first use,
    // so the private bus must be set before the first KeyStore call. No desktop variables:
    // QtKeychain would look for KWallet on a KDE session.
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_session.busAddress().toUtf8());
    for (const char *variable : { "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                                  "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID" })
        qunsetenv(variable);
}

void TstKeyStoreSecretService::olderFallbackFileMovesIntoKeyring()
{
    KeyStore store(m_dataDir.path());
    QFile older(store.fallbackFile());
    QVERIFY(older.open(QIODevice::WriteOnly));
    older.write("older-file-key");
    older.close();

    // The keyring answers but holds nothing yet: the key an older run kept in the file counts.
    QCOMPARE(readKey(store), QStringLiteral("older-file-key"));
    QCOMPARE(store.backend(), KeyStore::Backend::File);

    QVERIFY(writeKey(store, QStringLiteral("keyring-key-1")));
    QVERIFY2(store.backend() == KeyStore::Backend::Keyring,
             "QtKeychain did not reach the Secret Service (is libsecret-1-0 installed?)");
    QVERIFY(!QFile::exists(store.fallbackFile()));
}

void TstKeyStoreSecretService::keyRoundTripsThroughKeyring()
{
    KeyStore store(m_dataDir.path());
    QSignalSpy backendChanged(&store, &KeyStore::backendChanged);
    QCOMPARE(readKey(store), QStringLiteral("keyring-key-1"));
    QCOMPARE(store.backend(), KeyStore::Backend::Keyring);
    QCOMPARE(backendChanged.count(), 1);
    QVERIFY(!store.storageDescription().contains(store.fallbackFile()));
    QVERIFY(store.storageDescription().contains(QStringLiteral("system keyring")));

    QVERIFY(writeKey(store, QStringLiteral("keyring-key-2")));
    QCOMPARE(store.backend(), KeyStore::Backend::Keyring);
    QVERIFY(!QFile::exists(store.fallbackFile()));

    KeyStore again(m_dataDir.path());
    QCOMPARE(readKey(again), QStringLiteral("keyring-key-2"));
    QCOMPARE(again.backend(), KeyStore::Backend::Keyring);
    QVERIFY(!QFile::exists(again.fallbackFile()));
}

void TstKeyStoreSecretService::keySavedWhileKeyringWasDownWins()
{
    // What a save leaves behind while the keyring does not answer: the keyring still holds the
    // previous key, the file holds the new one.
    KeyStore store(m_dataDir.path());
    QFile newer(store.fallbackFile());
    QVERIFY(newer.open(QIODevice::WriteOnly));
    newer.write("saved-while-keyring-was-down");
    newer.close();

    QCOMPARE(readKey(store), QStringLiteral("saved-while-keyring-was-down"));
    QCOMPARE(store.backend(), KeyStore::Backend::File);

    QVERIFY(writeKey(store, QStringLiteral("keyring-key-3")));
    QCOMPARE(store.backend(), KeyStore::Backend::Keyring);
    QVERIFY(!QFile::exists(store.fallbackFile()));
    KeyStore again(m_dataDir.path());
    QCOMPARE(readKey(again), QStringLiteral("keyring-key-3"));
    QCOMPARE(again.backend(), KeyStore::Backend::Keyring);
}

void TstKeyStoreSecretService::unavailableKeyringFallsBackToFile()
{
    QVERIFY2(m_session.killKeyring(), qPrintable(m_session.errorString()));

    KeyStore store(m_dataDir.path());
    QSignalSpy backendChanged(&store, &KeyStore::backendChanged);
    QCOMPARE(readKey(store), QString());
    QCOMPARE(store.backend(), KeyStore::Backend::File);
    QCOMPARE(backendChanged.count(), 1);
    QVERIFY(store.storageDescription().contains(store.fallbackFile()));

    QVERIFY(writeKey(store, QStringLiteral("file-key")));
    QCOMPARE(store.backend(), KeyStore::Backend::File);
    QCOMPARE(fileContents(store.fallbackFile()), QByteArray("file-key"));
    QCOMPARE(QFile::permissions(store.fallbackFile()) & 0x0077, QFileDevice::Permissions());

    KeyStore again(m_dataDir.path());
    QCOMPARE(readKey(again), QStringLiteral("file-key"));
    QCOMPARE(again.backend(), KeyStore::Backend::File);
}

QTEST_GUILESS_MAIN(TstKeyStoreSecretService)
#include "tst_keystore_secretservice.moc"
