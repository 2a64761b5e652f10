// SPDX-License-Identifier: MIT
// SeriesStore against a real in-process server: occurrences created once across instances, a
// deleted occurrence never coming back, "all future" changes and stopping a series. What is
// checked is what the server stores, read over a plain WebSocket.
#include "appserverfixture.h"
#include "sync/daycache.h"
#include "sync/hpkvclient.h"
#include "sync/monitorclient.h"
#include "sync/seriesstore.h"
#include "sync/syncsession.h"
#include "testwebsocketclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr int timeout = 20000;
const QDate today(2026, 12, 7); // a Monday

/** One Dayboard: cache, session and the series store, at `today`. */
struct Instance
{
    Instance(const QString &queueFile, const QUrl &baseUrl)
        : session(&cache, queueFile)
        , store(&session)
    {
        session.client()->setBackoff(Backoff(10, 100));
        session.monitor()->setBackoff(Backoff(10, 100));
        store.setToday(today);
        cache.watch(today);
        session.setEndpoint({ baseUrl, AppServerFixture::apiKey });
    }
    const Todo *find(const QDate &day, const QString &id) const
    {
        for (const Todo &todo : cache.day(day).todos) {
            if (todo.id == id)
                return &todo;
        }
        return nullptr;
    }
    DayCache cache;
    SyncSession session;
    SeriesStore store;
};

/** Reads what the server stores, as any client of the protocol would. */
class ServerView
{
public:
    explicit ServerView(quint16 port)
    {
        m_socket.open(QUrl(u"ws://127.0.0.1:%1/ws?apiKey=%2"_s.arg(port).arg(AppServerFixture::apiKey)));
    }
    QJsonArray day(const QDate &date)
    {
        return QJsonDocument::fromJson(get(QString::fromUtf8(DayCache::keyFor(date))).toUtf8()).array();
    }
    /** The todos of `date` that are occurrences of `seriesId`. */
    QJsonArray occurrences(const QDate &date, const QString &seriesId)
    {
        QJsonArray found;
        for (const QJsonValue &todo : day(date)) {
            if (todo[u"series"_s].toString() == seriesId)
                found.append(todo);
        }
        return found;
    }
    std::optional<Series> series(const QString &id)
    {
        return Series::parse(get(QString::fromUtf8(Series::keyFor(id))).toUtf8());
    }
    bool set(const QByteArray &key, const QByteArray &value)
    {
        const QJsonObject reply = m_socket.request({ { u"op"_s, 2 },
                                                     { u"key"_s, QString::fromUtf8(key) },
                                                     { u"value"_s, QString::fromUtf8(value) } });
        return reply[u"code"_s].toInt() == 200;
    }

private:
    QString get(const QString &key)
    {
        const QJsonObject reply = m_socket.request({ { u"op"_s, 1 }, { u"key"_s, key } });
        return reply[u"code"_s].toInt() == 200 ? reply[u"value"_s].toString() : QString();
    }
    TestWebSocketClient m_socket;
};

Todo plainTodo(const QString &id, const QString &text)
{
    Todo todo;
    todo.id = id;
    todo.text = text;
    todo.created = 1796601600000;
    return todo;
}

Series daily()
{
    Series rule;
    rule.frequency = Series::Frequency::Daily;
    return rule;
}

/** Runs `start` and waits for its outcome; returns the error ("" on success). */
QString wait(const std::function<void(const SeriesStore::Done &)> &start)
{
    std::optional<QString> outcome;
    start([&outcome](const QString &error) { outcome = error; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, timeout))
        return u"no outcome"_s;
    return *outcome;
}
} // namespace

class TestSeriesStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void startCreatesTheOccurrencesOfTheHorizon_data();
    void startCreatesTheOccurrencesOfTheHorizon();
    void twoInstancesCreateEachOccurrenceOnce();
    void aDeletedOccurrenceDoesNotComeBack();
    void changeFromEditsAllFutureOccurrences();
    void stopAfterEndsTheSeriesAndKeepsWhatIsDone();
    void changesNeedAConnection();

private:
    /** Makes "todo-1" on today repeat by `rule` on instance `a`; returns the series id. */
    QString startSeries(Instance &a, const Series &rule);

    std::unique_ptr<AppServerFixture> m_server;
    QTemporaryDir m_dir;
    int m_queue = 0;
    QString queueFile() { return m_dir.filePath(u"queue-%1.json"_s.arg(++m_queue)); }
};

void TestSeriesStore::init()
{
    m_server = std::make_unique<AppServerFixture>(true, true);
    QVERIFY(m_server->start());
}

void TestSeriesStore::cleanup()
{
    m_server.reset();
}

QString TestSeriesStore::startSeries(Instance &a, const Series &rule)
{
    if (!QTest::qWaitFor(
            [&a] { return a.store.isLoaded() && a.cache.day(today).status == DayCache::Status::Ready; },
            timeout))
        return {};
    a.session.submit(TodoOperation::insert(today, plainTodo(u"todo-1"_s, u"Stretch"_s)));
    const QString error = wait([&](const SeriesStore::Done &done) {
        a.store.start(today, *a.find(today, u"todo-1"_s), rule, done);
    });
    if (!error.isEmpty()) {
        qWarning("start failed: %s", qPrintable(error));
        return {};
    }
    return a.store.all().value(0).id;
}

void TestSeriesStore::startCreatesTheOccurrencesOfTheHorizon_data()
{
    QTest::addColumn<bool>("extensions");
    QTest::newRow("Dayboard server (compare-and-swap)") << true;
    QTest::newRow("hosted HPKV semantics (no revisions)") << false;
}

void TestSeriesStore::startCreatesTheOccurrencesOfTheHorizon()
{
    QFETCH(bool, extensions);
    m_server = std::make_unique<AppServerFixture>(extensions, true);
    QVERIFY(m_server->start());
    Instance a(queueFile(), m_server->baseUrl());
    Series weekdays;
    weekdays.frequency = Series::Frequency::Weekdays;
    const QString id = startSeries(a, weekdays);
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount(), 0, timeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        a.store.find(id) && a.store.find(id)->through == today.addDays(SeriesStore::horizonDays), timeout);
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount(), 0, timeout);

    ServerView server(m_server->port());
    // Today's todo became the first occurrence; the weekdays after it got theirs, weekends none.
    QCOMPARE(server.day(today).first()[u"series"_s].toString(), id);
    for (int ahead = 1; ahead <= SeriesStore::horizonDays; ++ahead) {
        const QDate day = today.addDays(ahead);
        const QJsonArray occurrences = server.occurrences(day, id);
        QCOMPARE(occurrences.size(), day.dayOfWeek() <= 5 ? 1 : 0);
        if (!occurrences.isEmpty()) {
            QCOMPARE(occurrences.first()[u"id"_s].toString(), Series::occurrenceId(id, day));
            QCOMPARE(occurrences.first()[u"text"_s].toString(), u"Stretch"_s);
            QCOMPARE(occurrences.first()[u"status"_s].toString(), u"not set"_s);
        }
    }
    QVERIFY(server.occurrences(today.addDays(SeriesStore::horizonDays + 1), id).isEmpty());
    const std::optional<Series> stored = server.series(id);
    QVERIFY(stored);
    QCOMPARE(stored->frequency, Series::Frequency::Weekdays);
    QCOMPARE(stored->from, today);
    QCOMPARE(stored->through, today.addDays(SeriesStore::horizonDays));
}

void TestSeriesStore::twoInstancesCreateEachOccurrenceOnce()
{
    // The series is written straight to the server with nothing generated yet, so both
    // instances find the same work when they connect at the same moment.
    ServerView server(m_server->port());
    Series series = daily();
    series.id = u"s1"_s;
    series.text = u"Feed the cat"_s;
    series.from = today;
    QVERIFY(server.set(series.key(), series.serialize()));

    Instance a(queueFile(), m_server->baseUrl());
    Instance b(queueFile(), m_server->baseUrl());
    QTRY_VERIFY_WITH_TIMEOUT(a.store.isLoaded() && b.store.isLoaded(), timeout);
    QTRY_VERIFY_WITH_TIMEOUT(a.store.find(u"s1"_s) && a.store.find(u"s1"_s)->through.isValid()
                                 && b.store.find(u"s1"_s) && b.store.find(u"s1"_s)->through.isValid(),
                             timeout);
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount() + b.session.pendingCount(), 0, timeout);

    for (int ahead = 0; ahead <= SeriesStore::horizonDays; ++ahead)
        QCOMPARE(server.occurrences(today.addDays(ahead), u"s1"_s).size(), 1);

    // Tomorrow, both move on by one day at the same moment: the new day gets one occurrence.
    a.store.setToday(today.addDays(1));
    b.store.setToday(today.addDays(1));
    const QDate newDay = today.addDays(1 + SeriesStore::horizonDays);
    QTRY_VERIFY_WITH_TIMEOUT(
        a.store.find(u"s1"_s)->through == newDay && b.store.find(u"s1"_s)->through == newDay, timeout);
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount() + b.session.pendingCount(), 0, timeout);
    QCOMPARE(server.occurrences(newDay, u"s1"_s).size(), 1);
}

void TestSeriesStore::aDeletedOccurrenceDoesNotComeBack()
{
    Instance a(queueFile(), m_server->baseUrl());
    const QString id = startSeries(a, daily());
    QVERIFY(!id.isEmpty());
    const QDate thursday = today.addDays(3);
    QTRY_VERIFY_WITH_TIMEOUT(a.find(thursday, Series::occurrenceId(id, thursday)), timeout);
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount(), 0, timeout);

    // Deleted here; another instance that starts afterwards, and this one at its next reload
    // and the next day, generate again and must not bring it back.
    a.session.submit(TodoOperation::remove(thursday, Series::occurrenceId(id, thursday)));
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount(), 0, timeout);
    Instance b(queueFile(), m_server->baseUrl());
    QTRY_VERIFY_WITH_TIMEOUT(b.store.isLoaded() && b.store.find(id), timeout);
    a.store.reload();
    a.store.setToday(today.addDays(1));
    b.store.setToday(today.addDays(1));
    const QDate newDay = today.addDays(1 + SeriesStore::horizonDays);
    QTRY_VERIFY_WITH_TIMEOUT(a.store.find(id)->through == newDay && b.store.find(id)->through == newDay,
                             timeout);
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount() + b.session.pendingCount(), 0, timeout);

    ServerView server(m_server->port());
    QCOMPARE(server.occurrences(newDay, id).size(), 1); // generation itself went on
    QVERIFY(server.occurrences(thursday, id).isEmpty());
}

void TestSeriesStore::changeFromEditsAllFutureOccurrences()
{
    Instance a(queueFile(), m_server->baseUrl());
    const QString oldId = startSeries(a, daily());
    QVERIFY(!oldId.isEmpty());
    const QDate wednesday = today.addDays(2);
    const QDate later = today.addDays(SeriesStore::horizonDays);
    QTRY_VERIFY_WITH_TIMEOUT(a.find(later, Series::occurrenceId(oldId, later)), timeout);
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount(), 0, timeout);

    // From Wednesday on: weekly on Wednesdays and Fridays, with another text.
    Series changed;
    changed.frequency = Series::Frequency::Weekly;
    changed.weekDays = { 3, 5 };
    changed.text = u"Long stretch"_s;
    changed.priority = Todo::Priority::High;
    const Todo wednesdayTodo = *a.find(wednesday, Series::occurrenceId(oldId, wednesday));
    QCOMPARE(wait([&](const SeriesStore::Done &done) {
                 a.store.changeFrom(wednesday, wednesdayTodo, changed, done);
             }),
             QString());
    QCOMPARE(a.store.all().size(), 2);
    QString newId;
    for (const Series &series : a.store.all()) {
        if (series.id != oldId)
            newId = series.id;
    }
    QTRY_VERIFY_WITH_TIMEOUT(a.store.find(newId)->through == later, timeout);
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount(), 0, timeout);

    ServerView server(m_server->port());
    QCOMPARE(server.series(oldId)->until, wednesday.addDays(-1));
    // Monday and Tuesday keep the old occurrence.
    QCOMPARE(server.occurrences(today, oldId).size(), 1);
    QCOMPARE(server.occurrences(today.addDays(1), oldId).size(), 1);
    // Wednesday's todo was edited in place and is the new series' first occurrence.
    const QJsonArray wednesdayNow = server.occurrences(wednesday, newId);
    QCOMPARE(wednesdayNow.size(), 1);
    QCOMPARE(wednesdayNow.first()[u"id"_s].toString(), wednesdayTodo.id);
    QCOMPARE(wednesdayNow.first()[u"text"_s].toString(), u"Long stretch"_s);
    QCOMPARE(wednesdayNow.first()[u"priority"_s].toString(), u"high"_s);
    // After Wednesday: no old occurrences; new ones on Wednesdays and Fridays only.
    for (QDate day = wednesday.addDays(1); day <= later; day = day.addDays(1)) {
        QVERIFY2(server.occurrences(day, oldId).isEmpty(), qPrintable(day.toString(Qt::ISODate)));
        const int wanted = day.dayOfWeek() == 3 || day.dayOfWeek() == 5 ? 1 : 0;
        QCOMPARE(server.occurrences(day, newId).size(), wanted);
    }
}

void TestSeriesStore::stopAfterEndsTheSeriesAndKeepsWhatIsDone()
{
    Instance a(queueFile(), m_server->baseUrl());
    const QString id = startSeries(a, daily());
    QVERIFY(!id.isEmpty());
    const QDate tuesday = today.addDays(1);
    const QDate friday = today.addDays(4);
    QTRY_VERIFY_WITH_TIMEOUT(a.find(friday, Series::occurrenceId(id, friday)), timeout);
    a.session.submit(TodoOperation::setStatus(friday, Series::occurrenceId(id, friday), Todo::Status::Done));
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount(), 0, timeout);

    const Todo tuesdayTodo = *a.find(tuesday, Series::occurrenceId(id, tuesday));
    QCOMPARE(wait([&](const SeriesStore::Done &done) { a.store.stopAfter(tuesday, tuesdayTodo, done); }),
             QString());
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount(), 0, timeout);

    ServerView server(m_server->port());
    QCOMPARE(server.series(id)->until, tuesday);
    QCOMPARE(server.occurrences(today, id).size(), 1);
    // Tuesday's todo stays, as a plain todo.
    QCOMPARE(server.day(tuesday).size(), 1);
    QVERIFY(!server.day(tuesday).first().toObject().contains(u"series"_s));
    for (QDate day = tuesday.addDays(1); day <= today.addDays(SeriesStore::horizonDays);
         day = day.addDays(1)) {
        // Friday's was done: it is history and stays; every open one after Tuesday is gone.
        QCOMPARE(server.occurrences(day, id).size(), day == friday ? 1 : 0);
    }
}

void TestSeriesStore::changesNeedAConnection()
{
    Instance a(queueFile(), m_server->baseUrl());
    const QString id = startSeries(a, daily());
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(a.session.pendingCount(), 0, timeout);
    const Todo first = *a.find(today, u"todo-1"_s);
    QVERIFY(m_server->stop());
    QTRY_VERIFY_WITH_TIMEOUT(!a.session.client()->isConnected(), timeout);
    const QString error = wait([&](const SeriesStore::Done &done) { a.store.stopAfter(today, first, done); });
    QVERIFY2(error.contains(u"connected"_s), qPrintable(error));
    QCOMPARE(a.session.pendingCount(), 0); // nothing was queued
}

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "tst_seriesstore.moc"
