// SPDX-License-Identifier: MIT
#include "modelupdatebench.h"

#include "monotonicclock.h"
#include "resetlistmodel.h"
#include "samples.h"
#include "sync/daycache.h"
#include "sync/todocodec.h"
#include "ui/daymodel.h"
#include "ui/todofiltermodel.h"
#include "viewprobe.h"

#include <QSortFilterProxyModel>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QDate benchDay(2030, 6, 1);

/** One cache and the model chain following it, with the probes around the model's slot. */
struct Chain
{
    enum class Kind { Diff, Reset };

    Chain(Kind kind, bool withProxy)
    {
        QObject::connect(&cache, &DayCache::dayChanged, [this] { before = monotonicNs(); });
        if (kind == Kind::Diff) {
            auto *model = new DayModel;
            model->setDate(benchDay); // first: setDate() reconnects, and the model's slot must come next
            model->setBackend(&cache, nullptr);
            dayModel.reset(model);
            if (withProxy) {
                auto *filter = new TodoFilterModel;
                filter->setDayModel(model);
                proxy.reset(filter);
            }
        } else {
            resetModel = std::make_unique<ResetListModel>(&cache, benchDay);
            if (withProxy) {
                auto *filter = new QSortFilterProxyModel;
                filter->setDynamicSortFilter(true);
                filter->setSourceModel(resetModel.get());
                proxy.reset(filter);
            }
        }
        QAbstractItemModel *shown = proxy ? static_cast<QAbstractItemModel *>(proxy.get())
            : dayModel                    ? static_cast<QAbstractItemModel *>(dayModel.get())
                                          : resetModel.get();
        view = std::make_unique<ViewProbe>(shown);
        QObject::connect(&cache, &DayCache::dayChanged, [this] { after = monotonicNs(); });
    }
    ~Chain()
    {
        view.reset();
        proxy.reset(); // before its source
    }

    double modelSlotUs() const { return double(after - before) / 1000.0; }

    DayCache cache;
    std::unique_ptr<DayModel> dayModel;
    std::unique_ptr<ResetListModel> resetModel;
    std::unique_ptr<QSortFilterProxyModel> proxy;
    std::unique_ptr<ViewProbe> view;
    qint64 before = 0;
    qint64 after = 0;
};

/** Median over the iterations of the model slot's time, going `from` → `to` each time. */
double localViewMedian(Chain &chain, const TodoList &from, const TodoList &to, int iterations)
{
    Samples samples;
    for (int i = 0; i < iterations; ++i) {
        chain.cache.setLocalView(benchDay, from);
        chain.cache.setLocalView(benchDay, to);
        samples.add(chain.modelSlotUs());
    }
    return samples.median();
}

/** Median of the whole DayCache::setServerValue() call (what a notification costs the app). */
double notificationMedian(Chain &chain, const QByteArray &from, const QByteArray &to, int iterations)
{
    Samples samples;
    qint64 revision = 1000;
    for (int i = 0; i < iterations; ++i) {
        chain.cache.setServerValue(benchDay, from, ++revision);
        const qint64 start = monotonicNs();
        chain.cache.setServerValue(benchDay, to, ++revision);
        samples.add(double(monotonicNs() - start) / 1000.0);
    }
    return samples.median();
}

} // namespace

ModelUpdateBench::ModelUpdateBench(int todos, int iterations)
    : m_todos(todos)
    , m_iterations(iterations)
{ }

QString ModelUpdateBench::caseName(Case which)
{
    switch (which) {
    case Case::OneChanged:
        return u"one todo's text changed"_s;
    case Case::MoveLastToFirst:
        return u"reorder: last moved to top"_s;
    case Case::MoveFirstToLast:
        return u"reorder: top moved to last"_s;
    }
    return {};
}

TodoList ModelUpdateBench::baseList() const
{
    TodoList list;
    list.reserve(m_todos);
    for (int i = 0; i < m_todos; ++i) {
        Todo todo;
        todo.id = u"todo_1700000000000_%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        todo.text = u"Todo number %1, with a text of ordinary length"_s.arg(i);
        todo.priority = i % 3 == 0 ? Todo::Priority::High : Todo::Priority::Medium;
        todo.status = i % 4 == 0 ? Todo::Status::Done : Todo::Status::NotSet;
        todo.created = 1700000000000 + i;
        list.append(todo);
    }
    return list;
}

TodoList ModelUpdateBench::changedList(Case which, const TodoList &base) const
{
    TodoList list = base;
    switch (which) {
    case Case::OneChanged:
        list[list.size() / 2].text += u" (edited)"_s;
        list[list.size() / 2].updated = 1800000000000;
        break;
    case Case::MoveLastToFirst:
        list.move(list.size() - 1, 0);
        break;
    case Case::MoveFirstToLast:
        list.move(0, list.size() - 1);
        break;
    }
    return list;
}

ModelUpdateBench::Round ModelUpdateBench::run(Case which) const
{
    const TodoList from = baseList();
    const TodoList to = changedList(which, from);
    const QByteArray fromValue = TodoCodec::serialize(from);
    const QByteArray toValue = TodoCodec::serialize(to);

    Round round;
    struct Variant
    {
        Chain::Kind kind;
        bool proxy;
        double *result;
        double *notify;
    };
    const Variant variants[] = {
        { Chain::Kind::Diff, false, &round.diff, nullptr },
        { Chain::Kind::Reset, false, &round.reset, nullptr },
        { Chain::Kind::Diff, true, &round.diffProxy, &round.notifyDiffProxy },
        { Chain::Kind::Reset, true, &round.resetProxy, &round.notifyResetProxy },
    };
    for (const Variant &variant : variants) {
        Chain chain(variant.kind, variant.proxy);
        chain.cache.setServerValue(benchDay, fromValue, 1);
        *variant.result = localViewMedian(chain, from, to, m_iterations);
        if (variant.notify)
            *variant.notify = notificationMedian(chain, fromValue, toValue, m_iterations);
    }
    return round;
}
