// SPDX-License-Identifier: MIT
// Qt Quick Test runner for tst_*.qml: the App singleton over a real embedded server in a
// temporary folder, exactly as the app builds it (minus single-instance).
#include "uitestenv.h"

#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QTest>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(DayboardPlugin)
Q_IMPORT_QML_PLUGIN(DayboardTestSupportPlugin)

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        m_env = std::make_unique<UiTestEnv>();
        if (!m_env->start())
            qFatal("the embedded server did not start");
        if (!QTest::qWaitFor(
                [this] {
            return m_env->session->connectionState() == SyncSession::ConnectionState::Connected;
                },
                20000))
            qFatal("the sync session did not connect to the embedded server");
    }
    void cleanupTestCase() { m_env.reset(); }

private:
    std::unique_ptr<UiTestEnv> m_env;
};

QUICK_TEST_MAIN_WITH_SETUP(dayboard_ui, Setup)

#include "tst_ui.moc"
