// SPDX-License-Identifier: MIT
// What a self-hoster's deployment must not leak or trust (docs/security.md §2):
// the Redis password kept out of the command line, a data directory owned by another user, and
// --listen telling what `localhost` binds.
#include "daemon/dayboardserver.h"
#include "daemon/serveroptionsparser.h"
#include "environmentskip.h"
#include "storage/redisconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

ServerOptionsParser::Result parse(const QStringList &arguments, const QProcessEnvironment &env = {})
{
    return ServerOptionsParser::parse(QStringList { u"dayboard-server"_s } + arguments, env);
}

QByteArray redisPasswordOf(const ServerOptionsParser::Result &result)
{
    QString error;
    const std::optional<RedisConfig> config = RedisConfig::parse(result.config.redisUrl, "p:", &error);
    return config ? config->password : QByteArray("<" + error.toUtf8() + ">");
}

} // namespace

class TestDeploymentSafety : public QObject
{
    Q_OBJECT

private slots:
    void redisPasswordFromFileOrEnvironment();
    void redisPasswordErrors_data();
    void redisPasswordErrors();
    void listenHelpSaysWhatLocalhostBinds();
    void foreignOwnedDataDirIsRefused();
};

void TestDeploymentSafety::redisPasswordFromFileOrEnvironment()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"redis-password"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("s3cr:t@/pa%ss\nsecond line ignored\n");
    file.close();

    const auto fromFile
        = parse({ u"--redis"_s, u"redis://10.0.0.5:6380/2"_s, u"--redis-password-file"_s, file.fileName() });
    QCOMPARE(fromFile.outcome, ServerOptionsParser::Outcome::Run);
    QCOMPARE(redisPasswordOf(fromFile), QByteArray("s3cr:t@/pa%ss"));
    const std::optional<RedisConfig> parsed = RedisConfig::parse(fromFile.config.redisUrl, "p:", nullptr);
    QVERIFY(parsed);
    QCOMPARE(parsed->endpoint(), u"10.0.0.5:6380"_s);
    QCOMPARE(parsed->db, 2);

    QProcessEnvironment env;
    env.insert(u"DAYBOARD_REDIS"_s, u"redis://app@127.0.0.1:6379"_s);
    env.insert(u"DAYBOARD_REDIS_PASSWORD"_s, u"from-env"_s);
    const auto fromEnv = parse({}, env);
    QCOMPARE(fromEnv.outcome, ServerOptionsParser::Outcome::Run);
    QCOMPARE(redisPasswordOf(fromEnv), QByteArray("from-env"));
    QCOMPARE(RedisConfig::parse(fromEnv.config.redisUrl, "p:", nullptr)->username, QByteArray("app"));

    QProcessEnvironment fileEnv;
    fileEnv.insert(u"DAYBOARD_REDIS_PASSWORD_FILE"_s, file.fileName());
    const auto fileFromEnv = parse({ u"--redis"_s, u"redis://127.0.0.1"_s }, fileEnv);
    QCOMPARE(redisPasswordOf(fileFromEnv), QByteArray("s3cr:t@/pa%ss"));

    // Without any of them the URL is left as it is.
    const auto plain = parse({ u"--redis"_s, u"redis://:inline@127.0.0.1"_s });
    QCOMPARE(redisPasswordOf(plain), QByteArray("inline"));
}

void TestDeploymentSafety::redisPasswordErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << QStringList {
        u"--redis"_s, u"redis://127.0.0.1"_s, u"--redis-password-file"_s, u"/nonexistent/redis-password"_s
    } << QString() << u"Cannot read the Redis password file"_s;
    QTest::newRow("twice") << QStringList { u"--redis"_s, u"redis://:pw-first@127.0.0.1"_s } << u"pw-second"_s
                           << u"already holds a password"_s;
    QTest::newRow("no redis") << QStringList {} << u"pw"_s << u"needs --redis"_s;
}

void TestDeploymentSafety::redisPasswordErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, password);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    if (!password.isEmpty())
        env.insert(u"DAYBOARD_REDIS_PASSWORD"_s, password);
    const auto result = parse(arguments, env);
    QCOMPARE(result.outcome, ServerOptionsParser::Outcome::Error);
    QVERIFY2(result.text.contains(expected), qPrintable(result.text));
    QVERIFY2(!result.text.contains(u"pw-"_s), qPrintable(result.text));
}

void TestDeploymentSafety::listenHelpSaysWhatLocalhostBinds()
{
    const auto help = parse({ u"--help"_s });
    QCOMPARE(help.outcome, ServerOptionsParser::Outcome::Help);
    const QString text = QString(help.text).simplified();
    QVERIFY2(text.contains(u"localhost is 127.0.0.1 (IPv4; give ::1 for IPv6 loopback)"_s), qPrintable(text));
    QCOMPARE(parse({ u"--listen"_s, u"localhost"_s }).config.listenAddress,
             QHostAddress(QHostAddress::LocalHost));
    QVERIFY(text.contains(u"--redis-password-file"_s));
    QVERIFY(text.contains(u"--allow-foreign-owner"_s));
}

void TestDeploymentSafety::foreignOwnedDataDirIsRefused()
{
    QCOMPARE(parse({}).config.allowForeignOwner, false);
    QVERIFY(parse({ u"--allow-foreign-owner"_s }).config.allowForeignOwner);
    QProcessEnvironment env;
    env.insert(u"DAYBOARD_ALLOW_FOREIGN_OWNER"_s, u"1"_s);
    QVERIFY(parse({}, env).config.allowForeignOwner);

    if (::geteuid() != 0)
        DAYBOARD_ENVIRONMENT_SKIP(u"needs root to give a directory to another user"_s);
    QTemporaryDir parent;
    const QString dataDir = parent.filePath(u"data"_s);
    QVERIFY(QDir().mkdir(dataDir));
    QVERIFY(::chmod(QFile::encodeName(dataDir).constData(), 0700) == 0);
    QVERIFY(::chown(QFile::encodeName(dataDir).constData(), 65534, 65534) == 0);

    ServerConfig config;
    config.port = 0;
    config.memory = true;
    config.dataDir = dataDir;
    config.apiKeys = { u"owner-test-key"_s };
    DayboardServer refused(config);
    QString error;
    QVERIFY(!refused.start(&error));
    QVERIFY2(error.contains(u"belongs to another user (uid 65534)"_s)
                 && error.contains(u"--allow-foreign-owner"_s),
             qPrintable(error));
    QVERIFY(!QFile::exists(dataDir + u"/token-secret"_s)); // nothing written there

    config.allowForeignOwner = true;
    DayboardServer allowed(config);
    QVERIFY2(allowed.start(&error), qPrintable(error));
    QVERIFY(QFile::exists(dataDir + u"/token-secret"_s));
}

QTEST_GUILESS_MAIN(TestDeploymentSafety)
#include "tst_deploymentsafety.moc"
