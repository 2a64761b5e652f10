// SPDX-License-Identifier: MIT
#include "core/apikeyring.h"

#include <QTest>

class TestApiKeyRing : public QObject
{
    Q_OBJECT

private slots:
    void accepts_data();
    void accepts();
    void addIgnoresEmptyAndDuplicates();
};

void TestApiKeyRing::accepts_data()
{
    QTest::addColumn<QList<QByteArray>>("keys");
    QTest::addColumn<QByteArray>("candidate");
    QTest::addColumn<bool>("accepted");

    const QList<QByteArray> keys { "key-one-1234", "second-key", QByteArray("nul\0key", 7) };
    QTest::newRow("first") << keys << QByteArray("key-one-1234") << true;
    QTest::newRow("second") << keys << QByteArray("second-key") << true;
    QTest::newRow("with NUL") << keys << QByteArray("nul\0key", 7) << true;
    QTest::newRow("NUL truncated") << keys << QByteArray("nul") << false;
    QTest::newRow("prefix") << keys << QByteArray("key-one-123") << false;
    QTest::newRow("extension") << keys << QByteArray("key-one-12345") << false;
    QTest::newRow("case") << keys << QByteArray("KEY-ONE-1234") << false;
    QTest::newRow("trailing space") << keys << QByteArray("second-key ") << false;
    QTest::newRow("empty candidate") << keys << QByteArray() << false;
    QTest::newRow("empty ring") << QList<QByteArray>() << QByteArray("key-one-1234") << false;
    QTest::newRow("empty ring, empty candidate") << QList<QByteArray>() << QByteArray() << false;
    QTest::newRow("empty key never matches empty candidate")
        << QList<QByteArray> { QByteArray() } << QByteArray() << false;
}

void TestApiKeyRing::accepts()
{
    QFETCH(QList<QByteArray>, keys);
    QFETCH(QByteArray, candidate);
    QFETCH(bool, accepted);
    const ApiKeyRing ring(keys);
    QCOMPARE(ring.accepts(candidate), accepted);
}

void TestApiKeyRing::addIgnoresEmptyAndDuplicates()
{
    ApiKeyRing ring;
    QVERIFY(ring.isEmpty());
    ring.add({});
    QVERIFY(ring.isEmpty());
    ring.add("k");
    ring.add("k");
    ring.add("j");
    QCOMPARE(ring.size(), 2);
    QVERIFY(ring.accepts("k"));
    QVERIFY(ring.accepts("j"));
}

QTEST_GUILESS_MAIN(TestApiKeyRing)
#include "tst_apikeyring.moc"
