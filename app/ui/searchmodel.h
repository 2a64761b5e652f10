// SPDX-License-Identifier: MIT
#pragma once

#include "ui/appcontroller.h"
#include "ui/searchindex.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QThreadPool>

class SyncSession;

/**
 * @brief Search results for the search panel (Ctrl+F): every day's todos holding every word of
 * `query` in their text or notes, newest day first, with the day as the section.
 *
 * Each query change runs SearchIndex::search() on a snapshot in a worker thread; the GUI thread
 * only takes the snapshot (a shared copy) and, later, swaps the rows in. A result for a query
 * that was changed meanwhile is dropped. The index is read from the server the first time a
 * model is `active` (the panel opened) and kept current from then on.
 */
class SearchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("ui/appcontroller.h")
    Q_PROPERTY(AppController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY resultsChanged)
    Q_PROPERTY(int totalMatches READ totalMatches NOTIFY resultsChanged)
    Q_PROPERTY(bool searching READ searching NOTIFY resultsChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY indexChanged)
    Q_PROPERTY(QString error READ error NOTIFY indexChanged)
    Q_PROPERTY(int indexedTodos READ indexedTodos NOTIFY indexChanged)

public:
    enum Role {
        DayRole = Qt::UserRole + 1,
        TodoIdRole,
        TextRole,
        NotesRole,
        DoneRole,
        StatusRole,
        PriorityRole,
        InNotesRole
    };

    explicit SearchModel(QObject *parent = nullptr);
    ~SearchModel() override;

    AppController *controller() const { return m_controller; }
    void setController(AppController *controller);
    /** C++ users (tests, the benchmark) without an AppController. */
    void setSession(SyncSession *session);
    /** Or an index of one's own (the benchmark). */
    void setIndex(SearchIndex *index);

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    bool active() const { return m_active; }
    void setActive(bool active);
    int totalMatches() const { return m_total; }
    bool searching() const { return m_searching; }
    bool loading() const;
    QString error() const;
    int indexedTodos() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void controllerChanged();
    void queryChanged();
    void activeChanged();
    void resultsChanged();
    void indexChanged();
    /** The rows for `query` are in (the benchmark's "first results"). */
    void resultsReady(const QString &query);

private:
    void run();
    void apply(quint64 generation, const QString &query, const SearchIndex::Hits &hits);

    QPointer<AppController> m_controller;
    QPointer<SearchIndex> m_index;
    QString m_query;
    bool m_active = false;
    bool m_searching = false;
    quint64 m_generation = 0;
    QList<SearchIndex::Hit> m_hits;
    int m_total = 0;
    QThreadPool m_pool;
};
