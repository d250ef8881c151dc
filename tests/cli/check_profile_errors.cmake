# The CLI refuses a profile with a mistake (exit status 2, the error with its
# FILE:LINE:COLUMN) and a profile over --max-profile-bytes (1 MiB by
# default), which it does not read past the limit.
set(post ${WORK}/post.md)
file(WRITE ${post} "---\ntitle: t\n---\n<p>text</p>\n")

function(expect_refused name yaml needle)
  file(WRITE ${WORK}/${name}.yaml "${yaml}")
  execute_process(COMMAND ${CLI} ${ARGN} --profile ${WORK}/${name}.yaml ${post}
                  OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "${name}: exit status ${rc}, expected 2; stderr: ${err}")
  endif()
  string(FIND "${err}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${name}: stderr lacks '${needle}': ${err}")
  endif()
endfunction()

expect_refused(misspelled "profile: t\nversion: 1\nrulez:\n  - name: a\n    match: z\n"
               "misspelled.yaml:3:1: error: unknown profile key 'rulez'")
expect_refused(quadratic "profile: t\nversion: 1\nrules:\n  - name: a\n    select: '//*[count(//*)>0]'\n"
               "quadratic.yaml:5:13: error:")

string(REPEAT "x" 1048576 filler)
set(big "profile: t\nversion: 1\ndescription: ${filler}\n")
expect_refused(big "${big}" "larger than --max-profile-bytes (1048576 bytes)")
execute_process(COMMAND ${CLI} --max-profile-bytes 2000000 --profile ${WORK}/big.yaml ${post}
                OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "a raised --max-profile-bytes: exit status ${rc}; stderr: ${err}")
endif()
message(STATUS "profile mistakes and oversized profiles refused")
