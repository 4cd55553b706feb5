/* fuzz_import.h - the body shared by the importer harnesses (fuzz_xer.c,
 * fuzz_mspdi.c) and the regression replay: import the buffer and, when it
 * imports, load the project file it produced, so the YAML writer's output
 * goes through the loader too. */
#ifndef RC_FUZZ_IMPORT_H
#define RC_FUZZ_IMPORT_H

#include <stddef.h>

#include "diag.h"
#include "import.h"
#include "load.h"
#include "model.h"

static inline void rc_fuzz_import_one(const char *buf, size_t len)
{
    rc_diags d;
    rc_diags_init(&d, "fuzz.schedule");
    rc_import_result r;
    if (rc_import_buffer(buf, len, NULL, &r, &d) == 0 && r.yaml) {
        rc_diags ld;
        rc_diags_init(&ld, "imported.yaml");
        rc_model *m = NULL;
        if (rc_load_buffer(r.yaml, r.len, &m, &ld) == RC_LOAD_OK)
            rc_model_free(m);
        rc_diags_delete(&ld);
    }
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

#endif
