// SPDX-License-Identifier: MIT
#include "daemon/redispasswordoption.h"

#include <QFile>
#include <QUrl>

bool RedisPasswordOption::apply(const QString &passwordFile, const QString &password, QString *url,
                                QString *error)
{
    if (passwordFile.isEmpty() && password.isEmpty())
        return true;
    if (!passwordFile.isEmpty() && !password.isEmpty()) {
        *error = QStringLiteral(
            "Give the Redis password once: --redis-password-file or DAYBOARD_REDIS_PASSWORD");
        return false;
    }
    if (url->isEmpty()) {
        *error = QStringLiteral("A Redis password needs --redis (the URL without the password)");
        return false;
    }
    QString secret = password;
    if (!passwordFile.isEmpty()) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("Cannot read the Redis password file %1: %2")
                         .arg(passwordFile, file.errorString());
            return false;
        }
        secret = QString::fromUtf8(file.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    }
    if (secret.isEmpty()) {
        *error = QStringLiteral("The Redis password is empty");
        return false;
    }
    QUrl parsed(*url, QUrl::StrictMode);
    if (!parsed.isValid()) {
        *error = QStringLiteral("invalid Redis URL (expected redis://[user@]host:port[/db])");
        return false;
    }
    if (!parsed.password().isEmpty()) {
        *error = QStringLiteral("The Redis URL already holds a password; give it once");
        return false;
    }
    parsed.setPassword(secret, QUrl::DecodedMode);
    *url = parsed.toString(QUrl::FullyEncoded);
    return true;
}
