# Installs postparse into a staging prefix, then builds the examples as an
# outside project would (find_package and pkg-config) and runs them on the
# seed post.
set(stage ${WORK}/stage)
file(REMOVE_RECURSE ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/run.cmake)

# A sanitized library needs sanitized clients (the runtime must come first).
set(san_flags "")
if(SANITIZE)
  set(san_flags -fsanitize=address,undefined)
endif()
string(REPLACE ";" " " san_string "${san_flags}")

run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${stage})
run(${CMAKE_COMMAND} -S ${SOURCE}/examples -B ${WORK}/examples -DCMAKE_PREFIX_PATH=${stage}
    "-DCMAKE_C_FLAGS=${san_string}" "-DCMAKE_CXX_FLAGS=${san_string}" "-DCMAKE_EXE_LINKER_FLAGS=${san_string}")
run(${CMAKE_COMMAND} --build ${WORK}/examples)
run(${WORK}/examples/front_matter_c ${SEED})
if(NOT last_output MATCHES "\t2021-07-31T12:27:53\\+00:00")
  message(FATAL_ERROR "unexpected C example output: ${last_output}")
endif()
run(${WORK}/examples/front_matter_cpp ${SEED})
if(NOT last_output MATCHES "comments\tbool\tfalse" OR NOT last_output MATCHES "date\tstring\t[^\n]*\t2021-07-31T12:27:53\\+00:00")
  message(FATAL_ERROR "unexpected C++ example output: ${last_output}")
endif()

# pkg-config users: compile and link the C example by hand.
set(ENV{PKG_CONFIG_PATH} ${stage}/lib/pkgconfig)
run(pkg-config --cflags --libs postparse)
separate_arguments(flags UNIX_COMMAND "${last_output}")
run(cc -std=c99 ${san_flags} ${SOURCE}/examples/c/front_matter.c ${flags} -Wl,-rpath,${stage}/lib -o ${WORK}/front_matter_pc)
run(${WORK}/front_matter_pc ${SEED})
message(STATUS "installed package works through find_package and pkg-config")
