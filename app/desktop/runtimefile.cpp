// SPDX-License-Identifier: MIT
#include "desktop/runtimefile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcRuntimeFile, "dayboard.desktop.runtimefile")

using namespace Qt::StringLiterals;

namespace {
constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString absolute(const QString &dir)
{
    return QDir(dir).absolutePath();
}
} // namespace

QString RuntimeFile::pathFor(const QString &serverDataDir)
{
    const QByteArray hash
        = QCryptographicHash::hash(absolute(serverDataDir).toUtf8(), QCryptographicHash::Sha256)
              .toHex()
              .left(16);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return QDir(dir).filePath(u"dayboard-"_s + QString::fromLatin1(hash) + u".json"_s);
}

bool RuntimeFile::write(const QString &serverDataDir, const QUrl &url, const QString &apiKey, QString *error)
{
    const QString path = pathFor(serverDataDir);
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QJsonObject object { { u"url"_s, url.toString() },
                               { u"apiKey"_s, apiKey },
                               { u"pid"_s, qint64(QCoreApplication::applicationPid()) },
                               { u"dataDir"_s, absolute(serverDataDir) } };
    QSaveFile file(path);
    // Created 0600 before the key is in it: QSaveFile's temporary file gets these permissions.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(ownerOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    qCInfo(lcRuntimeFile).noquote() << "wrote" << path;
    return true;
}

void RuntimeFile::remove(const QString &serverDataDir)
{
    const QString path = pathFor(serverDataDir);
    const auto entry = read(serverDataDir);
    if (entry && entry->pid == QCoreApplication::applicationPid() && QFile::remove(path))
        qCInfo(lcRuntimeFile).noquote() << "removed" << path;
}

std::optional<RuntimeFile::Entry> RuntimeFile::read(const QString &serverDataDir, QString *problem)
{
    const QString path = pathFor(serverDataDir);
    const QFileInfo info(path);
    if (!info.exists())
        return std::nullopt;
    auto refuse = [&](const QString &why) -> std::optional<Entry> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    if (info.ownerId() != ::getuid())
        return refuse(u"%1 belongs to another user; ignored"_s.arg(path));
    if (info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        return refuse(u"%1 is readable by others; ignored"_s.arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(file.errorString());
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    Entry entry { QUrl(object.value(u"url"_s).toString()), object.value(u"apiKey"_s).toString(),
                  object.value(u"pid"_s).toInteger() };
    if (!entry.url.isValid() || entry.url.isEmpty() || entry.apiKey.isEmpty())
        return refuse(u"%1 is not a Dayboard runtime file; ignored"_s.arg(path));
    return entry;
}
