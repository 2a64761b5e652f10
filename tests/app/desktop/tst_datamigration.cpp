// SPDX-License-Identifier: MIT
// The data folder moves from ~/.local/share/Dayboard/Dayboard to ~/.local/share/Dayboard
// without losing anything, with a temporary XDG_DATA_HOME standing in for the user's.
#include "desktop/appoptions.h"
#include "desktop/datamigration.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

} // namespace

class TestDataMigration : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaultFolderIsNotNested();
    void movesEverythingFromTheOldFolder();
    void neverOverwritesAndKeepsWhatCannotMove();
    void nothingToMove();

private:
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestDataMigration::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    qputenv("XDG_DATA_HOME", m_home->filePath(QStringLiteral("share")).toUtf8());
    AppOptions::setApplicationInfo();
}

void TestDataMigration::defaultFolderIsNotNested()
{
    QCOMPARE(AppOptions::defaultDataDir(), m_home->filePath(QStringLiteral("share/Dayboard")));
    QCOMPARE(DataMigration::oldDataDir(), m_home->filePath(QStringLiteral("share/Dayboard/Dayboard")));
}

void TestDataMigration::movesEverythingFromTheOldFolder()
{
    const QString oldDir = DataMigration::oldDataDir();
    QVERIFY(writeFile(oldDir + QStringLiteral("/pending-operations.json"), "[{\"op\":1}]"));
    QVERIFY(writeFile(oldDir + QStringLiteral("/server/dayboard.sqlite"), "SQLite format 3"));
    QVERIFY(writeFile(oldDir + QStringLiteral("/server/api-key"), "secret"));
    QVERIFY(writeFile(oldDir + QStringLiteral("/.hidden"), "h"));

    const auto result = DataMigration::move(oldDir, AppOptions::defaultDataDir());
    QCOMPARE(result.left, QStringList());
    QCOMPARE(result.moved.size(), 3);
    const QDir now(AppOptions::defaultDataDir());
    QCOMPARE(readFile(now.filePath(QStringLiteral("pending-operations.json"))), QByteArray("[{\"op\":1}]"));
    QCOMPARE(readFile(now.filePath(QStringLiteral("server/dayboard.sqlite"))), QByteArray("SQLite format 3"));
    QCOMPARE(readFile(now.filePath(QStringLiteral("server/api-key"))), QByteArray("secret"));
    QCOMPARE(readFile(now.filePath(QStringLiteral(".hidden"))), QByteArray("h"));
    QVERIFY(!QFileInfo::exists(oldDir));

    // A second start finds nothing to do and changes nothing.
    const auto again = DataMigration::move(oldDir, AppOptions::defaultDataDir());
    QVERIFY(again.moved.isEmpty() && again.left.isEmpty());
    QCOMPARE(readFile(now.filePath(QStringLiteral("server/api-key"))), QByteArray("secret"));
}

void TestDataMigration::neverOverwritesAndKeepsWhatCannotMove()
{
    const QString oldDir = DataMigration::oldDataDir();
    const QString newDir = AppOptions::defaultDataDir();
    QVERIFY(writeFile(oldDir + QStringLiteral("/pending-operations.json"), "old"));
    QVERIFY(writeFile(oldDir + QStringLiteral("/settings.ini"), "old settings"));
    QVERIFY(writeFile(newDir + QStringLiteral("/pending-operations.json"), "new"));

    const auto result = DataMigration::move(oldDir, newDir);
    QCOMPARE(result.moved, QStringList { QStringLiteral("settings.ini") });
    QCOMPARE(result.left, QStringList { QStringLiteral("pending-operations.json") });
    QCOMPARE(readFile(newDir + QStringLiteral("/pending-operations.json")), QByteArray("new"));
    QCOMPARE(readFile(oldDir + QStringLiteral("/pending-operations.json")), QByteArray("old"));
    QCOMPARE(readFile(newDir + QStringLiteral("/settings.ini")), QByteArray("old settings"));
}

void TestDataMigration::nothingToMove()
{
    const auto result = DataMigration::move(DataMigration::oldDataDir(), AppOptions::defaultDataDir());
    QVERIFY(result.moved.isEmpty() && result.left.isEmpty());
    QVERIFY(!QFileInfo::exists(AppOptions::defaultDataDir()));
}

QTEST_GUILESS_MAIN(TestDataMigration)

#include "tst_datamigration.moc"
