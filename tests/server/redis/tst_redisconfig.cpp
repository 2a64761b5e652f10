// SPDX-License-Identifier: MIT
#include "storage/redischangecodec.h"
#include "storage/redisconfig.h"

#include <QTest>

/** @brief Redis URL and prefix parsing, and the pub/sub message format. */
class TestRedisConfig : public QObject
{
    Q_OBJECT

private slots:
    void parsesUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<int>("db");
        QTest::newRow("plain") << "redis://localhost"
                               << "localhost" << 6379 << QByteArray() << QByteArray() << 0;
        QTest::newRow("port+db") << "redis://10.0.0.5:6380/3"
                                 << "10.0.0.5" << 6380 << QByteArray() << QByteArray() << 3;
        QTest::newRow("password") << "redis://:s%40cret@redis:6379/1"
                                  << "redis" << 6379 << QByteArray() << QByteArray("s@cret") << 1;
        QTest::newRow("acl user") << "redis://dayboard:pw@redis"
                                  << "redis" << 6379 << QByteArray("dayboard") << QByteArray("pw") << 0;
        QTest::newRow("ipv6") << "redis://[::1]:7000"
                              << "::1" << 7000 << QByteArray() << QByteArray() << 0;
    }

    void parsesUrls()
    {
        QFETCH(QString, url);
        QString error;
        const std::optional<RedisConfig> config = RedisConfig::parse(url, "dayboard:", &error);
        QVERIFY2(config, qPrintable(error));
        QTEST(config->host, "host");
        QTEST(int(config->port), "port");
        QTEST(config->username, "user");
        QTEST(config->password, "password");
        QTEST(config->db, "db");
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("prefix");
        QTest::newRow("scheme") << "http://localhost" << QByteArray("dayboard:");
        QTest::newRow("tls") << "rediss://localhost" << QByteArray("dayboard:");
        QTest::newRow("no host") << "redis://" << QByteArray("dayboard:");
        QTest::newRow("db") << "redis://localhost/x" << QByteArray("dayboard:");
        QTest::newRow("user without password") << "redis://user@localhost" << QByteArray("dayboard:");
        QTest::newRow("empty prefix") << "redis://localhost" << QByteArray();
        QTest::newRow("half tag") << "redis://localhost" << QByteArray("day{board:");
    }

    void rejectsBadInput()
    {
        QFETCH(QString, url);
        QFETCH(QByteArray, prefix);
        QString error;
        QVERIFY(!RedisConfig::parse(url, prefix, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(u"s3cret"));
    }

    void keysShareOneHashTag()
    {
        RedisConfig config = *RedisConfig::parse(QStringLiteral("redis://h/2"), "dayboard:", nullptr);
        QCOMPARE(config.keyBase(), QByteArray("{dayboard:}"));
        QCOMPARE(config.channel(), QByteArray("{dayboard:}changes@2"));
        config = *RedisConfig::parse(QStringLiteral("redis://h"), "team-{a}:", nullptr);
        QCOMPARE(config.keyBase(), QByteArray("team-{a}:"));
        QCOMPARE(config.endpoint(), QStringLiteral("h:6379"));
    }

    void changeRoundTrips_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<std::optional<QByteArray>>("value");
        QTest::newRow("set") << QByteArray("todos-20261122")
                             << std::optional<QByteArray>("[{\"a\":\"x y\\n\"}]");
        QTest::newRow("binary key") << QByteArray("a b\n\0c", 6)
                                    << std::optional<QByteArray>(QByteArray("\0\n ", 3));
        QTest::newRow("delete") << QByteArray("k") << std::optional<QByteArray>();
    }

    void changeRoundTrips()
    {
        QFETCH(QByteArray, key);
        QFETCH(std::optional<QByteArray>, value);
        const Change change { key, value, 123456789012, 1763800000000 };
        const std::optional<Change> decoded = RedisChangeCodec::decode(RedisChangeCodec::encode(change));
        QVERIFY(decoded);
        QCOMPARE(decoded->key, key);
        QCOMPARE(decoded->value, value);
        QCOMPARE(decoded->revision, change.revision);
        QCOMPARE(decoded->timestampMs, change.timestampMs);
    }

    void rejectsMalformedMessages()
    {
        QVERIFY(!RedisChangeCodec::decode("garbage"));
        QVERIFY(!RedisChangeCodec::decode("1 v2 5 1 s\nkv"));
        QVERIFY(!RedisChangeCodec::decode("1 v1 5 9 s\nkv"));
        QVERIFY(!RedisChangeCodec::decode("1 v1 5 1 d\nkv"));
        QVERIFY(RedisChangeCodec::decode("1 v1 5 1 d\nk"));
    }
};

QTEST_GUILESS_MAIN(TestRedisConfig)
#include "tst_redisconfig.moc"
