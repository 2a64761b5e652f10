// SPDX-License-Identifier: MIT
// Renders Dayboard windows offscreen with sample data, in light and dark, and writes PNGs for
// review (a tool, not a test: `cmake --build build --target screenshots`):
//   dayboard-screenshot [output-dir]     (default: <build>/screenshots)
// It waits for what it shows (a popup opened, a frame rendered), never a fixed time, and exits
// 1 when a control it wants to show is missing.
#include "ui/daymodel.h"
#include "uitestenv.h"

#include <QDir>
#include <QGuiApplication>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(DayboardPlugin)

namespace {

struct Sample
{
    const char *text;
    Todo::Priority priority;
    Todo::Status status;
};

void fill(UiTestEnv &env, const QDate &date, std::initializer_list<Sample> samples)
{
    DayModel model;
    model.setBackend(env.cache.get(), env.session.get());
    model.setDate(date);
    for (const Sample &sample : samples) {
        const QString id = model.add(QString::fromUtf8(sample.text), sample.priority);
        model.setStatus(id, sample.status);
    }
}

bool settle(UiTestEnv &env)
{
    return QTest::qWaitFor([&] { return env.session->pendingCount() == 0; }, 20000);
}

/** Waits until the window has rendered `frames` more frames. */
bool renderFrames(QQuickWindow *window, int frames)
{
    for (int i = 0; i < frames; ++i) {
        QSignalSpy swapped(window, &QQuickWindow::frameSwapped);
        window->update();
        if (!swapped.wait(5000))
            return false;
    }
    return true;
}

/** Waits until `popup` (a QQuickPopup) is opened (`open` true) or closed, its transition done. */
bool waitForPopup(QObject *popup, bool open)
{
    return QTest::qWaitFor(
        [&] {
        return popup->property("opened").toBool() == open && popup->property("visible").toBool() == open;
        },
        5000);
}

bool shoot(QQuickWindow *window, const QString &file)
{
    // Two frames: bindings that depend on the first layout settle in the second.
    if (!renderFrames(window, 2)) {
        std::fprintf(stderr, "no frame rendered for %s\n", qPrintable(file));
        return false;
    }
    const QImage image = window->grabWindow();
    if (image.isNull() || !image.save(file)) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(file));
        return false;
    }
    std::printf("%s\n", qPrintable(file));
    return true;
}

QObject *findPopup(QObject *window, const char *name)
{
    for (QObject *child : window->findChildren<QObject *>()) {
        if (QByteArray(child->metaObject()->className()).startsWith(name))
            return child;
    }
    return nullptr;
}

// Delegates are not QObject children of the window: walk the visual tree.
QQuickItem *findItem(QQuickItem *item, const QString &name)
{
    if (!item)
        return nullptr;
    if (item->objectName() == name)
        return item;
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    // The system's language, as the app (LANGUAGE=de for the German UI).
    Translations::install(&app);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    const QString outDir
        = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(DAYBOARD_SCREENSHOT_DIR);
    QDir().mkpath(outDir);

    // The app icon as the desktop will show it.
    const QString iconFile = outDir + QStringLiteral("/icon.png");
    if (QIcon(QStringLiteral(":/dayboard/icons/io.dayboard.Dayboard.svg")).pixmap(256, 256).save(iconFile))
        std::printf("%s\n", qPrintable(iconFile));

    UiTestEnv env;
    if (!env.start()
        || !QTest::qWaitFor(
            [&] { return env.session->connectionState() == SyncSession::ConnectionState::Connected; },
            20000)) {
        std::fprintf(stderr, "the embedded server did not come up\n");
        return 1;
    }
    const QDate today = QDate::currentDate();
    fill(env, today,
         {
             { "Review the quarterly plan with Mia", Todo::Priority::High, Todo::Status::InProgress },
             { "Book train tickets to Lyon", Todo::Priority::High, Todo::Status::NotSet },
             { "Water the plants", Todo::Priority::Low, Todo::Status::Done },
             { "Draft the newsletter intro", Todo::Priority::Medium, Todo::Status::NotSet },
             { "Call the dentist about Thursday", Todo::Priority::Medium, Todo::Status::Done },
             { "Read two chapters of “The Overstory”", Todo::Priority::Low, Todo::Status::NotSet },
         });
    fill(env, today.addDays(-1),
         {
             { "Send invoice #1042", Todo::Priority::High, Todo::Status::NotSet },
             { "Tidy the downloads folder", Todo::Priority::Low, Todo::Status::Done },
             { "Reply to Sam about the offsite", Todo::Priority::Medium, Todo::Status::NotSet },
         });
    fill(env, today.addDays(1),
         { { "Pick up dry cleaning", Todo::Priority::Low, Todo::Status::NotSet },
           { "Team retro", Todo::Priority::Medium, Todo::Status::NotSet } });
    fill(env, today.addDays(2), { { "Yoga at 7", Todo::Priority::Low, Todo::Status::Done } });
    if (!settle(env)) {
        std::fprintf(stderr, "sample data did not reach the server\n");
        return 1;
    }

    QQmlApplicationEngine engine;
    QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/qt-project.org/imports/Dayboard/Main.qml")));
    bool ok = true;
    for (const QString &theme : { QStringLiteral("light"), QStringLiteral("dark") }) {
        env.controller->setThemeOverride(theme);
        const auto open = [&](const QDate &date) {
            auto *window = qobject_cast<QQuickWindow *>(component.createWithInitialProperties(
                { { QStringLiteral("day"), date.toString(Qt::ISODate) } }));
            if (!window) {
                std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
                std::exit(1);
            }
            window->resize(1000, 760);
            window->show();
            if (!QTest::qWaitFor([&] { return window->isExposed(); }, 5000))
                std::fprintf(stderr, "the window was never exposed\n");
            return window;
        };
        std::unique_ptr<QQuickWindow> today_(open(today));
        ok &= shoot(today_.get(), outDir + QStringLiteral("/main-%1.png").arg(theme));

        // The same with a selected row and an undo note, as after pressing Delete.
        auto *list = findItem(today_->contentItem(), QStringLiteral("todoList"));
        auto *toasts = findItem(today_->contentItem(), QStringLiteral("toastArea"));
        if (!list || !toasts) {
            std::fprintf(stderr, "no todoList or toastArea in the window\n");
            return 1;
        }
        list->setProperty("currentIndex", 3);
        list->forceActiveFocus();
        QMetaObject::invokeMethod(toasts, "show",
                                  Q_ARG(QVariant, QStringLiteral("Deleted “Pay the electricity bill”")),
                                  Q_ARG(QVariant, QStringLiteral("Undo")), Q_ARG(QVariant, QVariant()));
        if (!QTest::qWaitFor(
                [&] {
            QQuickItem *action = findItem(toasts, QStringLiteral("toastAction"));
            return action && action->isVisible() && action->opacity() == 1.0;
                },
                5000))
            std::fprintf(stderr, "the undo toast did not appear\n"), ok = false;
        ok &= shoot(today_.get(), outDir + QStringLiteral("/selected-%1.png").arg(theme));

        // A row's menu.
        QQuickItem *menuButton = findItem(today_->contentItem(), QStringLiteral("menuButton"));
        if (!menuButton) {
            std::fprintf(stderr, "no menuButton in the window\n");
            return 1;
        }
        QMetaObject::invokeMethod(menuButton, "clicked");
        QObject *menu = nullptr; // the row's own menu: a child of the delegate around the button
        for (QQuickItem *item = menuButton; item && !menu; item = item->parentItem())
            menu = findPopup(item, "DayMenu");
        if (!menu || !waitForPopup(menu, true)) {
            std::fprintf(stderr, "the row menu did not open\n");
            return 1;
        }
        ok &= shoot(today_.get(), outDir + QStringLiteral("/menu-%1.png").arg(theme));
        QMetaObject::invokeMethod(menu, "close");
        ok &= waitForPopup(menu, false);

        std::unique_ptr<QQuickWindow> past(open(today.addDays(-1)));
        ok &= shoot(past.get(), outDir + QStringLiteral("/yesterday-%1.png").arg(theme));

        std::unique_ptr<QQuickWindow> empty(open(today.addDays(5)));
        ok &= shoot(empty.get(), outDir + QStringLiteral("/empty-%1.png").arg(theme));

        for (const char *popup : { "HelpSheet", "SettingsSheet", "DatePicker" }) {
            QObject *sheet = findPopup(today_.get(), popup);
            if (!sheet) {
                std::fprintf(stderr, "no %s in the window\n", popup);
                ok = false;
                continue;
            }
            if (QByteArray(popup) == "DatePicker")
                QMetaObject::invokeMethod(sheet, "openAt", Q_ARG(QVariant, today.toString(Qt::ISODate)));
            else
                QMetaObject::invokeMethod(sheet, "open");
            if (!waitForPopup(sheet, true)) { // the popup's enter transition
                std::fprintf(stderr, "%s did not open\n", popup);
                ok = false;
                continue;
            }
            ok &= shoot(today_.get(),
                        outDir
                            + QStringLiteral("/%1-%2.png").arg(QString::fromLatin1(popup).toLower(), theme));
            QMetaObject::invokeMethod(sheet, "close");
            ok &= waitForPopup(sheet, false);
        }
    }
    return ok ? 0 : 1;
}
