// Low-level astronomy for the lunisolar calendar: new moons and the Sun's apparent longitude.
#pragma once

namespace motcua::core::calendar::astronomy {

// Times are Julian Days in Universal Time (JD 2440587.5 is 1970-01-01 00:00 UTC) unless a name says
// TT (Terrestrial Time, the uniform time scale of the ephemeris formulas).

// The instant of the true new moon number k (k = 0 is the one of 2000-01-06; k may be negative),
// after Meeus, "Astronomical Algorithms", 2nd ed., ch. 49: a few minutes' accuracy at worst,
// usually well under a minute.
double NewMoon(int k);

// The Sun's apparent geocentric longitude in degrees [0, 360) at a Julian Day in UT
// (Meeus ch. 25 with aberration and nutation in longitude).
double SunLongitude(double jd_ut);

// The instant in UT at which the Sun's apparent longitude reaches `degrees` near `jd_guess_ut`
// (within about ±20 days of it).
double SunLongitudeCrossing(double degrees, double jd_guess_ut);

// TT − UT in seconds for a decimal year (Espenak–Meeus polynomials; extrapolated after 2005).
double DeltaTSeconds(double year);

// The lunation number of the new moon nearest to a Julian Day.
int NearestLunation(double jd_ut);

inline constexpr double kUnixEpochJd = 2440587.5;
inline constexpr double kSynodicMonth = 29.530588861;

}  // namespace motcua::core::calendar::astronomy
