#ifndef WIREPIPE_CZLIB_SHIM_H
#define WIREPIPE_CZLIB_SHIM_H
#include <zlib.h>
#endif
