// SPDX-License-Identifier: MIT
#include "daemon/serveroptionsparser.h"

#include "daemon/limitoptions.h"
#include "daemon/redispasswordoption.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

namespace {

using Result = ServerOptionsParser::Result;
using Outcome = ServerOptionsParser::Outcome;

Result fail(const QString &text)
{
    return { Outcome::Error, {}, text };
}

bool parseBool(const QString &text, bool *value)
{
    const QString lower = text.trimmed().toLower();
    if (lower == u"1" || lower == u"true" || lower == u"yes" || lower == u"on") {
        *value = true;
        return true;
    }
    if (lower.isEmpty() || lower == u"0" || lower == u"false" || lower == u"no" || lower == u"off") {
        *value = false;
        return true;
    }
    return false;
}

bool parseAddress(const QString &text, QHostAddress *address)
{
    const QString lower = text.trimmed().toLower();
    if (lower == u"localhost") {
        *address = QHostAddress(QHostAddress::LocalHost);
        return true;
    }
    if (lower == u"any" || lower == u"*") {
        *address = QHostAddress(QHostAddress::Any);
        return true;
    }
    QHostAddress parsed;
    if (!parsed.setAddress(lower))
        return false;
    *address = parsed;
    return true;
}

QStringList splitKeys(const QString &text)
{
    QStringList keys;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString key = part.trimmed();
        if (!key.isEmpty())
            keys.append(key);
    }
    return keys;
}

/** The flag's value when given, else the environment variable's, else null. */
QString pick(const QCommandLineParser &parser, const QString &flag, const QProcessEnvironment &env,
             const QString &variable)
{
    if (parser.isSet(flag))
        return parser.value(flag);
    if (env.contains(variable))
        return env.value(variable);
    return {};
}

} // namespace

QString ServerOptionsParser::defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("dayboard"));
}

ServerOptionsParser::Result ServerOptionsParser::parse(const QStringList &arguments,
                                                       const QProcessEnvironment &env)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Dayboard sync server: an HPKV-compatible key-value store with WebSocket notifications.\n"
        "Every option can also be set with the environment variable named in brackets; "
        "an option on the command line wins.\n"
        "Backups: dayboard-server backup -o FILE (also while running), dayboard-server restore FILE "
        "(stopped); see their --help."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") },
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version({ QStringLiteral("v"), QStringLiteral("version") },
                                     QStringLiteral("Show the version."));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral(
            "Address to listen on: an IP, localhost or any [DAYBOARD_LISTEN]. One address only: "
            "localhost is 127.0.0.1 (IPv4; give ::1 for IPv6 loopback), any is every IPv4 and IPv6 "
            "address. Default 127.0.0.1."),
        QStringLiteral("address"));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QStringLiteral("TCP port, 0 for any free port [DAYBOARD_PORT]. Default 8080."),
        QStringLiteral("port"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Directory for the database, the generated API key and the token secret "
                       "[DAYBOARD_DATA_DIR]. Default %1.")
            .arg(defaultDataDir()),
        QStringLiteral("dir"));
    const QCommandLineOption memory(
        QStringLiteral("memory"),
        QStringLiteral("Keep records in memory only; they are lost on exit [DAYBOARD_MEMORY=1]."));
    const QCommandLineOption apiKey(
        QStringLiteral("api-key"),
        QStringLiteral("Accept this API key; repeat for several [DAYBOARD_API_KEY, or "
                       "DAYBOARD_API_KEYS=comma,separated]. Without any, a key is generated into "
                       "<data-dir>/api-key."),
        QStringLiteral("key"));
    const QCommandLineOption apiKeysFile(
        QStringLiteral("api-keys-file"),
        QStringLiteral("Accept the API keys listed in this file, one per line [DAYBOARD_API_KEYS_FILE]."),
        QStringLiteral("file"));
    const QCommandLineOption noExtensions(
        QStringLiteral("no-extensions"),
        QStringLiteral("Behave exactly like hosted HPKV: no revisions, no compare-and-swap "
                       "[DAYBOARD_NO_EXTENSIONS=1]."));
    const QCommandLineOption redis(
        QStringLiteral("redis"),
        QStringLiteral("Keep records in Redis, shared by several servers, e.g. redis://127.0.0.1:6379/0 "
                       "[DAYBOARD_REDIS]."),
        QStringLiteral("url"));
    const QCommandLineOption redisPrefix(
        QStringLiteral("redis-prefix"),
        QStringLiteral("Prefix of every Redis key and channel [DAYBOARD_REDIS_PREFIX]. Default dayboard:."),
        QStringLiteral("prefix"));
    const QCommandLineOption redisPasswordFile(
        QStringLiteral("redis-password-file"),
        QStringLiteral("Read the Redis password from this file (first line), so that it is not in the URL "
                       "where ps shows it [DAYBOARD_REDIS_PASSWORD_FILE; or the password itself in "
                       "DAYBOARD_REDIS_PASSWORD]."),
        QStringLiteral("file"));
    const QCommandLineOption allowForeignOwner(
        QStringLiteral("allow-foreign-owner"),
        QStringLiteral("Use a data directory that belongs to another user (refused otherwise: that user "
                       "could replace the secrets kept there) [DAYBOARD_ALLOW_FOREIGN_OWNER=1]."));
    parser.addOptions({ help, version, listen, port, dataDir, memory, apiKey, apiKeysFile, noExtensions,
                        redis, redisPrefix, redisPasswordFile, allowForeignOwner });
    const LimitOptions limits;
    parser.addOptions(limits.options());

    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        QStringLiteral(
            "Serve https:// and wss:// only, with this PEM certificate (chain) [DAYBOARD_TLS_CERT]. "
            "Needs --tls-key."),
        QStringLiteral("file"));
    const QCommandLineOption tlsKey(
        QStringLiteral("tls-key"),
        QStringLiteral("The unencrypted PEM private key of --tls-cert [DAYBOARD_TLS_KEY]."),
        QStringLiteral("file"));
    parser.addOptions({ tlsCert, tlsKey });

    if (!parser.parse(arguments))
        return fail(parser.errorText() + QStringLiteral("\nTry --help."));
    if (!parser.positionalArguments().isEmpty()) {
        return fail(QStringLiteral("Unexpected argument: %1\nTry --help.")
                        .arg(parser.positionalArguments().constFirst()));
    }
    if (parser.isSet(help))
        return { Outcome::Help, {}, parser.helpText() };
    if (parser.isSet(version))
        return { Outcome::Version, {}, QStringLiteral("dayboard-server " DAYBOARD_VERSION) };

    ServerConfig config;
    if (const QString text
        = pick(parser, listen.names().constFirst(), env, QStringLiteral("DAYBOARD_LISTEN"));
        !text.isNull() && !parseAddress(text, &config.listenAddress)) {
        return fail(QStringLiteral("Invalid listen address: %1").arg(text));
    }
    if (const QString text = pick(parser, port.names().constFirst(), env, QStringLiteral("DAYBOARD_PORT"));
        !text.isNull()) {
        bool ok = false;
        const uint value = text.trimmed().toUInt(&ok);
        if (!ok || value > 65535)
            return fail(QStringLiteral("Invalid port: %1 (expected 0 to 65535)").arg(text));
        config.port = quint16(value);
    }
    config.dataDir = pick(parser, dataDir.names().constFirst(), env, QStringLiteral("DAYBOARD_DATA_DIR"));
    if (config.dataDir.isNull())
        config.dataDir = defaultDataDir();
    if (config.dataDir.trimmed().isEmpty())
        return fail(QStringLiteral("The data directory must not be empty"));

    config.memory = parser.isSet(memory);
    if (!config.memory && env.contains(QStringLiteral("DAYBOARD_MEMORY"))
        && !parseBool(env.value(QStringLiteral("DAYBOARD_MEMORY")), &config.memory)) {
        return fail(QStringLiteral("Invalid DAYBOARD_MEMORY: expected 1 or 0"));
    }
    bool noExt = parser.isSet(noExtensions);
    if (!noExt && env.contains(QStringLiteral("DAYBOARD_NO_EXTENSIONS"))
        && !parseBool(env.value(QStringLiteral("DAYBOARD_NO_EXTENSIONS")), &noExt)) {
        return fail(QStringLiteral("Invalid DAYBOARD_NO_EXTENSIONS: expected 1 or 0"));
    }
    config.extensions = !noExt;

    if (parser.isSet(apiKey)) {
        for (const QString &key : parser.values(apiKey)) {
            if (key.trimmed().isEmpty())
                return fail(QStringLiteral("--api-key must not be empty"));
            config.apiKeys.append(key.trimmed());
        }
    } else {
        if (const QString key = env.value(QStringLiteral("DAYBOARD_API_KEY")).trimmed(); !key.isEmpty())
            config.apiKeys.append(key);
        config.apiKeys += splitKeys(env.value(QStringLiteral("DAYBOARD_API_KEYS")));
    }
    config.apiKeysFile
        = pick(parser, apiKeysFile.names().constFirst(), env, QStringLiteral("DAYBOARD_API_KEYS_FILE"));
    config.redisUrl = pick(parser, redis.names().constFirst(), env, QStringLiteral("DAYBOARD_REDIS"));
    if (QString error; !RedisPasswordOption::apply(pick(parser, redisPasswordFile.names().constFirst(), env,
                                                        QStringLiteral("DAYBOARD_REDIS_PASSWORD_FILE")),
                                                   env.value(QStringLiteral("DAYBOARD_REDIS_PASSWORD")),
                                                   &config.redisUrl, &error)) {
        return fail(error);
    }
    config.allowForeignOwner = parser.isSet(allowForeignOwner);
    if (!config.allowForeignOwner && env.contains(QStringLiteral("DAYBOARD_ALLOW_FOREIGN_OWNER"))
        && !parseBool(env.value(QStringLiteral("DAYBOARD_ALLOW_FOREIGN_OWNER")), &config.allowForeignOwner)) {
        return fail(QStringLiteral("Invalid DAYBOARD_ALLOW_FOREIGN_OWNER: expected 1 or 0"));
    }
    if (const QString prefix
        = pick(parser, redisPrefix.names().constFirst(), env, QStringLiteral("DAYBOARD_REDIS_PREFIX"));
        !prefix.isNull()) {
        config.redisPrefix = prefix;
    }
    config.tlsCertFile = pick(parser, tlsCert.names().constFirst(), env, QStringLiteral("DAYBOARD_TLS_CERT"));
    config.tlsKeyFile = pick(parser, tlsKey.names().constFirst(), env, QStringLiteral("DAYBOARD_TLS_KEY"));
    if (config.tlsCertFile.isEmpty() != config.tlsKeyFile.isEmpty())
        return fail(QStringLiteral("--tls-cert and --tls-key go together: give both or neither"));
    if (config.memory && !config.redisUrl.isEmpty())
        return fail(QStringLiteral("--memory and --redis exclude each other"));
    if (QString error; !limits.apply(parser, env, &config, &error))
        return fail(error);
    return { Outcome::Run, config, {} };
}
