// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <functional>

/**
 * @brief Keeps the remote server's API key in the system keyring (QtKeychain).
 *
 * When no keyring is available (no Secret Service / KWallet, e.g. a bare session) the key is
 * kept in `<dataDir>/remote-api-key` with mode 0600 instead, and storageDescription() says
 * so, so Settings can tell the user where the secret actually lives. A successful keyring
 * write removes that file, so when it exists it holds the newest key and read() returns it.
 * All calls are asynchronous: a keyring may ask the user to unlock it.
 *
 * Known limit: libsecret keeps its Secret Service session for the life of the process, so a
 * keyring daemon restarted while Dayboard runs is unusable ("The session does not exist")
 * until Dayboard restarts; the file is used meanwhile.
 */
class KeyStore : public QObject
{
    Q_OBJECT

public:
    enum class Backend { Unknown, Keyring, File };
    Q_ENUM(Backend)

    KeyStore(const QString &dataDir, QObject *parent = nullptr);

    void read(std::function<void(const QString &key)> done);
    void write(const QString &key, std::function<void(bool ok)> done = {});

    Backend backend() const;
    QString storageDescription() const;
    QString fallbackFile() const;

signals:
    void backendChanged();

private:
    void setBackend(Backend backend);
    QString readFile() const;
    bool writeFile(const QString &key) const;

    QString m_dataDir;
    Backend m_backend = Backend::Unknown;
};
