// SPDX-License-Identifier: MIT
#include "ui/searchmodel.h"

#include "ui/appcontroller.h"

#include <QFuture>
#include <QPromise>
#include <memory>

using namespace Qt::StringLiterals;

SearchModel::SearchModel(QObject *parent)
    : QAbstractListModel(parent)
{
    // One worker: a newer query waits at most for one older search, never for a queue of them.
    m_pool.setMaxThreadCount(1);
}

SearchModel::~SearchModel()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void SearchModel::setController(AppController *controller)
{
    if (controller == m_controller)
        return;
    m_controller = controller;
    setSession(controller ? controller->session() : nullptr);
    emit controllerChanged();
}

void SearchModel::setSession(SyncSession *session)
{
    setIndex(SearchIndex::of(session));
}

void SearchModel::setIndex(SearchIndex *index)
{
    if (index == m_index)
        return;
    if (m_index)
        disconnect(m_index, nullptr, this, nullptr);
    m_index = index;
    if (m_index) {
        connect(m_index, &SearchIndex::loadingChanged, this, &SearchModel::indexChanged);
        // A change of the history runs the query again (the rows stay until the new ones are in).
        connect(m_index, &SearchIndex::changed, this, [this] {
            emit indexChanged();
            if (m_active)
                run();
        });
        if (m_active)
            m_index->load();
    }
    emit indexChanged();
    run();
}

void SearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    emit queryChanged();
    run();
}

void SearchModel::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (m_active && m_index)
        m_index->load();
    emit activeChanged();
}

bool SearchModel::loading() const
{
    return m_index && m_index->isLoading();
}

QString SearchModel::error() const
{
    return m_index ? m_index->error() : QString();
}

int SearchModel::indexedTodos() const
{
    return m_index ? m_index->todoCount() : 0;
}

void SearchModel::run()
{
    const quint64 generation = ++m_generation;
    if (!m_index || m_query.simplified().isEmpty()) {
        apply(generation, m_query, {});
        return;
    }
    // Searches still waiting for the worker are for older queries: drop them.
    m_pool.clear();
    m_searching = true;
    auto promise = std::make_shared<QPromise<SearchIndex::Hits>>();
    QFuture<SearchIndex::Hits> future = promise->future();
    promise->start();
    m_pool.start([promise, days = m_index->snapshot(), query = m_query] {
        promise->addResult(SearchIndex::search(days, query));
        promise->finish();
    });
    future.then(this, [this, generation, query = m_query](const SearchIndex::Hits &hits) {
        apply(generation, query, hits);
    });
}

void SearchModel::apply(quint64 generation, const QString &query, const SearchIndex::Hits &hits)
{
    if (generation != m_generation)
        return; // an older query's result
    beginResetModel();
    m_hits = hits.hits;
    m_total = hits.total;
    m_searching = false;
    endResetModel();
    emit resultsChanged();
    emit resultsReady(query);
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const SearchIndex::Hit &hit = m_hits.at(index.row());
    switch (role) {
    case DayRole:
        return hit.day.toString(Qt::ISODate);
    case TodoIdRole:
        return hit.entry.id;
    case Qt::DisplayRole:
    case TextRole:
        return hit.entry.text;
    case NotesRole:
        return hit.entry.notes;
    case DoneRole:
        return hit.entry.status == Todo::Status::Done;
    case StatusRole:
        return int(hit.entry.status);
    case PriorityRole:
        return int(hit.entry.priority);
    case InNotesRole:
        return hit.inNotes;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return { { DayRole, "day" },           { TodoIdRole, "todoId" },  { TextRole, "text" },
             { NotesRole, "notes" },       { DoneRole, "done" },      { StatusRole, "status" },
             { PriorityRole, "priority" }, { InNotesRole, "inNotes" } };
}

QVariantMap SearchModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= rowCount())
        return map;
    const QModelIndex at = index(row);
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(at, it.key()));
    return map;
}
