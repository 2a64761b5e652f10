// SPDX-License-Identifier: MIT
#include "exchange/icalendarwriter.h"

#include "exchange/icalendartodo.h"

QByteArray ICalendarWriter::write(const DayLists &days)
{
    icalcomponent *calendar = icalcomponent_new_vcalendar();
    icalcomponent_add_property(calendar, icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar,
                               icalproperty_new_prodid("-//Dayboard//Dayboard " DAYBOARD_VERSION "//EN"));
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        for (const Todo &todo : it.value())
            icalcomponent_add_component(calendar, ICalendarTodo::toComponent(todo, it.key()));
    }
    char *text = icalcomponent_as_ical_string_r(calendar);
    const QByteArray result(text);
    icalmemory_free_buffer(text);
    icalcomponent_free(calendar);
    return result;
}
