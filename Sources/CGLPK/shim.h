#ifndef TAKT_CGLPK_SHIM_H
#define TAKT_CGLPK_SHIM_H
#include <glpk.h>
#endif
