// SPDX-License-Identifier: MIT
#include "daemon/datadirectory.h"

#include "core/privatedirectory.h"
#include "net/netlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <unistd.h>

namespace {

constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions ownerOnlyDir
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

} // namespace

QString DataDirectory::filePath(const QString &name) const
{
    return QDir(m_path).filePath(name);
}

bool DataDirectory::ensure(QString *error) const
{
    const QFileInfo info(m_path);
    if (info.exists() && !info.isDir()) {
        *error = QStringLiteral("Data directory %1 exists and is not a directory").arg(m_path);
        return false;
    }
    if (!info.exists() && !createPrivateDirectory(m_path)) {
        *error = QStringLiteral("Cannot create data directory %1").arg(m_path);
        return false;
    }
    restrict();
    const QFileInfo created(m_path);
    if (!created.isWritable()) {
        *error = QStringLiteral("Data directory %1 is not writable").arg(m_path);
        return false;
    }
    return true;
}

void DataDirectory::restrict() const
{
    const QFileInfo info(m_path);
    if (!(info.permissions() & groupOrOther))
        return;
    if (info.ownerId() != uint(::geteuid())) {
        qCWarning(lcNet).noquote()
            << "data directory" << m_path
            << "belongs to another user and is open to its group or others; its secrets "
               "(api-key, token-secret) and records may be readable: make it 0700";
        return;
    }
    if (QFile::setPermissions(m_path, ownerOnlyDir))
        qCInfo(lcNet).noquote() << "data directory" << m_path << "was open to its group or others; now 0700";
    else
        qCWarning(lcNet).noquote() << "cannot restrict data directory" << m_path << "to 0700";
}

QByteArray DataDirectory::readOrCreateSecret(const QString &name, const std::function<QByteArray()> &generate,
                                             QString *error) const
{
    const QString path = filePath(name);
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("Cannot read %1: %2").arg(path, existing.errorString());
            return {};
        }
        const QByteArray content = existing.readAll().trimmed();
        if (content.isEmpty()) {
            *error = QStringLiteral("%1 is empty; delete it to generate a new one").arg(path);
            return {};
        }
        return content;
    }
    const QByteArray secret = generate();
    if (!writeSecret(name, secret, error))
        return {};
    return secret;
}

bool DataDirectory::writeSecret(const QString &name, const QByteArray &secret, QString *error) const
{
    const QString path = filePath(name);
    QSaveFile file(path);
    // Restrict before any byte is written: the temporary file is what gets renamed into place.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(ownerOnlyFile)
        || file.write(secret + '\n') != secret.size() + 1 || !file.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray DataDirectory::generateApiKey()
{
    quint32 words[8];
    QRandomGenerator::system()->generate(std::begin(words), std::end(words));
    const QByteArray bytes(reinterpret_cast<const char *>(words), sizeof(words));
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool DataDirectory::readKeysFile(const QString &path, QStringList *keys, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("Cannot read API keys file %1: %2").arg(path, file.errorString());
        return false;
    }
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        keys->append(QString::fromUtf8(line));
    }
    return true;
}
