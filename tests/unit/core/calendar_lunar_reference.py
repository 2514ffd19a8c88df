#!/usr/bin/env python3
"""Generates the reference table of calendar_lunar_test.cpp (kReference) from an independent
high-precision ephemeris: PyEphem (Debian package python3-ephem; VSOP87 for the Sun, ELP2000 for
the Moon). Same calendar rules, independent astronomy: UTC+7; a month starts on the civil day of a
new moon; month 11 holds the winter solstice; in a 13-month year the first month without a major
solar term is the leap month. Usage: python3 calendar_lunar_reference.py > table.inc
"""
import bisect
import datetime
import math

import ephem

DUBLIN_JD = 2415020.0  # ephem.Date(0) as a Julian Day
UNIX_EPOCH_JD = 2440587.5
ZONE = 7 / 24


def sun_longitude(jd):
    date = ephem.Date(jd - DUBLIN_JD)
    sun = ephem.Sun()
    sun.compute(date)
    apparent = ephem.Equatorial(sun.g_ra, sun.g_dec, epoch=date)
    return math.degrees(ephem.Ecliptic(apparent, epoch=date).lon)


def civil_day(jd):
    return math.floor(jd - UNIX_EPOCH_JD + ZONE)


def sector_at_start(day):
    return int(sun_longitude(day + UNIX_EPOCH_JD - ZONE) // 30) % 12


def main():
    starts = []
    date = ephem.Date(datetime.datetime(1898, 10, 1))
    while date.datetime() < datetime.datetime(2102, 3, 1):
        date = ephem.next_new_moon(date)
        starts.append(civil_day(float(date) + DUBLIN_JD))
        date = ephem.Date(date + 1)

    def month_of(day):
        return bisect.bisect_right(starts, day) - 1

    def solstice_day(year):
        when = ephem.next_solstice(ephem.Date(datetime.datetime(year, 12, 1)))
        return civil_day(float(when) + DUBLIN_JD)

    months = []  # (first day, lunar year, month, leap)
    month11 = month_of(solstice_day(1898))
    for year in range(1899, 2103):
        next11 = month_of(solstice_day(year))
        count = next11 - month11
        leap = count
        if count == 13:
            leap = next(j for j in range(1, 13)
                        if sector_at_start(starts[month11 + j]) == sector_at_start(starts[month11 + j + 1]))
        for j in range(count):
            ordinal = j if j < leap else j - 1
            months.append((starts[month11 + j], year - 1 if ordinal <= 1 else year, (10 + ordinal) % 12 + 1,
                           j == leap))
        month11 = next11

    for lunar_year in range(1900, 2101):
        mine = [i for i, m in enumerate(months) if m[1] == lunar_year]
        tet = datetime.date(1970, 1, 1) + datetime.timedelta(days=months[mine[0]][0])
        leap = next((months[i][2] for i in mine if months[i][3]), 0)
        lengths = ''.join('1' if months[i + 1][0] - months[i][0] == 30 else '0' for i in mine)
        print(f'    {{{lunar_year}, {tet.month}, {tet.day}, {leap}, "{lengths}"}},')


if __name__ == '__main__':
    main()
