// SPDX-License-Identifier: MIT
#include "editlatencyround.h"

#include "monotonicclock.h"
#include "sync/monitorclient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

const QString benchTodoId = u"bench"_s;

QString editText(qsizetype index)
{
    return u"e"_s + QString::number(index + 1);
}

TodoOperation insertOp(const QDate &day, const QString &id, const QString &text)
{
    Todo todo;
    todo.id = id;
    todo.text = text;
    todo.priority = Todo::Priority::Medium;
    todo.created = 1700000000000;
    return TodoOperation::insert(day, todo, -1, {}, 1700000000000);
}

} // namespace

EditLatencyRound::EditLatencyRound(const Config &config)
    : m_config(config)
    , m_session(&m_cache, QDir(config.workDir).filePath(u"editor-queue.json"_s))
{
    connect(&m_session, &SyncSession::queueSaved, this, &EditLatencyRound::onQueueSaved);
    connect(&m_session, &SyncSession::pendingCountChanged, this, &EditLatencyRound::onPendingCountChanged);
    connect(&m_observer, &QProcess::readyReadStandardOutput, this, &EditLatencyRound::onObserverOutput);
    m_observer.setProcessChannelMode(QProcess::SeparateChannels);
    m_observer.setStandardErrorFile(QDir(config.workDir).filePath(u"observer.log"_s));
}

EditLatencyRound::~EditLatencyRound()
{
    if (m_observer.state() != QProcess::NotRunning) {
        m_observer.kill();
        m_observer.waitForFinished(5000);
    }
}

bool EditLatencyRound::waitUntil(const std::function<bool()> &done, const QString &what, QString *error)
{
    const QDeadlineTimer deadline(m_config.timeoutMs);
    QTimer wakeUp; // so the deadline is checked even when nothing happens
    wakeUp.start(50);
    while (!done()) {
        if (!m_failure.isEmpty() || deadline.hasExpired()) {
            *error = m_failure.isEmpty() ? u"timed out waiting for "_s + what : m_failure;
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

bool EditLatencyRound::run(QString *error)
{
    return seed(error) && startObserver(error)
        && (submitNext(), waitUntil([this] { return isFinished(); }, u"the edits"_s, error));
}

bool EditLatencyRound::seed(QString *error)
{
    m_cache.watch(m_config.day);
    m_session.setEndpoint(m_config.endpoint);
    if (!waitUntil([this] { return m_cache.day(m_config.day).status == DayCache::Status::Ready; },
                   u"the editor's first fetch"_s, error))
        return false;
    for (int i = 0; i < m_config.todos; ++i) {
        const bool bench = i == m_config.todos / 2;
        m_session.submit(insertOp(m_config.day, bench ? benchTodoId : u"todo_%1"_s.arg(i),
                                  bench ? u"seed"_s : u"Todo number %1 of the day"_s.arg(i)));
    }
    return waitUntil([this] { return m_session.pendingCount() == 0; }, u"the seed writes"_s, error);
}

bool EditLatencyRound::startObserver(QString *error)
{
    const ServerEndpoint &endpoint = m_config.endpoint;
    m_observer.start(m_config.observerProgram,
                     { u"--observe"_s, u"--url"_s, endpoint.baseUrl.toString(), u"--api-key"_s,
                       endpoint.apiKey, u"--day"_s, m_config.day.toString(Qt::ISODate), u"--todo-id"_s,
                       benchTodoId, u"--queue-file"_s,
                       QDir(m_config.workDir).filePath(u"observer-queue.json"_s) });
    return waitUntil([this] { return m_observerReady; }, u"the observer process"_s, error);
}

void EditLatencyRound::submitNext()
{
    Edit edit;
    const QString text = editText(m_edits.size());
    const TodoOperation op
        = TodoOperation::setText(m_config.day, benchTodoId, text, 1700000000000 + m_edits.size());
    edit.submitted = monotonicNs();
    m_edits.append(edit);
    m_session.submit(op);
}

void EditLatencyRound::onQueueSaved()
{
    // queueSaved() means "the file holds everything so far": it may cover several edits.
    const qint64 now = monotonicNs();
    for (Edit &edit : m_edits) {
        if (edit.saved == 0)
            edit.saved = now;
    }
    if (!m_edits.isEmpty())
        maybeContinue();
}

void EditLatencyRound::onPendingCountChanged()
{
    if (!m_edits.isEmpty() && m_edits.last().acked == 0 && m_session.pendingCount() == 0) {
        m_edits.last().acked = monotonicNs();
        maybeContinue();
    }
}

void EditLatencyRound::onObserverOutput()
{
    m_observerOutput += m_observer.readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_observerOutput.indexOf('\n')) >= 0) {
        const QList<QByteArray> words = m_observerOutput.left(newline).split(' ');
        m_observerOutput.remove(0, newline + 1);
        if (words.value(0) == "ready") {
            m_observerReady = true;
        } else if (words.value(0) == "seen" && words.size() == 3 && !m_edits.isEmpty()) {
            if (QString::fromUtf8(words.at(1)) != editText(m_edits.size() - 1)) {
                m_failure = u"the observer saw '%1' while '%2' was expected"_s.arg(
                    QString::fromUtf8(words.at(1)), editText(m_edits.size() - 1));
                return;
            }
            m_edits.last().seen = words.at(2).toLongLong();
            maybeContinue();
        }
    }
}

void EditLatencyRound::maybeContinue()
{
    const Edit &last = m_edits.last();
    if (last.seen == 0 || last.acked == 0 || last.saved == 0 || isFinished())
        return;
    submitNext();
}

bool EditLatencyRound::isFinished() const
{
    const Edit &last = m_edits.last();
    return m_edits.size() == m_config.warmup + m_config.edits && last.seen && last.acked && last.saved;
}

QList<EditLatencyRound::Edit> EditLatencyRound::measured() const
{
    return m_edits.mid(m_config.warmup);
}
