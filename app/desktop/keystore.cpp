// SPDX-License-Identifier: MIT
#include "desktop/keystore.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeyStore, "dayboard.ui.keystore")

namespace {
const QString serviceName = QStringLiteral("io.dayboard.Dayboard");
const QString keyName = QStringLiteral("remote-api-key");
} // namespace

KeyStore::KeyStore(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
{ }

KeyStore::Backend KeyStore::backend() const
{
    return m_backend;
}

QString KeyStore::fallbackFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("remote-api-key"));
}

QString KeyStore::storageDescription() const
{
    switch (m_backend) {
    case Backend::Keyring:
        return tr("The API key is kept in the system keyring.");
    case Backend::File:
        return tr("No system keyring is available: the API key is kept in %1, readable only by you.")
            .arg(QDir::toNativeSeparators(fallbackFile()));
    case Backend::Unknown:
        break;
    }
    return tr("The API key is kept in the system keyring when one is available.");
}

void KeyStore::setBackend(Backend backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    emit backendChanged();
}

void KeyStore::read(std::function<void(const QString &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName, this);
    job->setKey(keyName);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, job, done](QKeychain::Job *) {
        const bool keyringAnswered
            = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        if (keyringAnswered && QFile::exists(fallbackFile())) {
            // A successful keyring write removes the file, so the file is newer than anything in
            // the keyring: it was saved while the keyring was unavailable, or by an older run.
            setBackend(Backend::File);
            done(readFile());
            return;
        }
        if (keyringAnswered) {
            setBackend(Backend::Keyring);
            done(job->textData());
            return;
        }
        qCInfo(lcKeyStore) << "no usable keyring, using the 0600 file:" << job->errorString();
        setBackend(Backend::File);
        done(readFile());
    });
    job->start();
}

void KeyStore::write(const QString &key, std::function<void(bool)> done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName, this);
    job->setKey(keyName);
    job->setTextData(key);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, done](QKeychain::Job *) {
        bool ok = job->error() == QKeychain::NoError;
        if (ok) {
            setBackend(Backend::Keyring);
            QFile::remove(fallbackFile());
        } else {
            qCInfo(lcKeyStore) << "no usable keyring, using the 0600 file:" << job->errorString();
            setBackend(Backend::File);
            ok = writeFile(key);
        }
        if (done)
            done(ok);
    });
    job->start();
}

QString KeyStore::readFile() const
{
    QFile file(fallbackFile());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool KeyStore::writeFile(const QString &key) const
{
    QDir().mkpath(m_dataDir);
    if (key.isEmpty())
        return !QFile::exists(fallbackFile()) || QFile::remove(fallbackFile());
    QSaveFile file(fallbackFile());
    if (!file.open(QIODevice::WriteOnly))
        return false;
    // Restrict before the secret is written, not after.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(key.toUtf8());
    if (!file.commit())
        return false;
    return QFile::setPermissions(fallbackFile(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}
