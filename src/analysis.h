/* analysis.h - the reserve split across risks and estimating uncertainty
 * (Shapley values), and the recommended set of mitigations. Both rerun the
 * model on the same random numbers; called by rc_simulate() after the base
 * results are in. Each returns 0, -1 (out of memory) or 1 (cancelled); a model
 * too large for the work budget is left without the figure (has_shapley /
 * has_rec stay false). */
#ifndef RC_ANALYSIS_H
#define RC_ANALYSIS_H

#include "sim.h"

int rc_analysis_shapley(const rc_model *m, const rc_sim_options *o, rc_result *r);
int rc_analysis_recommend(const rc_model *m, const rc_sim_options *o, rc_result *r);

#endif
