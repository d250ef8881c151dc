# Installs postparse into a staging prefix, then builds the examples as an
# outside project would (find_package and pkg-config) and runs them on the
# seed post and a shipped example post.
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

# The paragraphs and XPath examples on a shipped RSSHub post.  Its body has 27
# <p>: the 来源 (source) line, 25 content paragraphs, the 责任编辑 (editor)
# line; and the QR-code promotion in a <div>, with the only <img>.
set(post ${SOURCE}/examples/posts/sina-shanghai.md)
run(${WORK}/examples/paragraphs_c ${post})
string(REGEX MATCHALL "\n" lines "${last_output}")
list(LENGTH lines nlines)
if(NOT last_output MATCHES "^paragraph\t2022年8月5日0—24时，上海市无新增本土新冠肺炎确诊病例和无症状感染者。"
   OR NOT nlines EQUAL 25 OR last_output MATCHES "来源|责任编辑|海量资讯")
  message(FATAL_ERROR "unexpected paragraphs example output (${nlines} lines): ${last_output}")
endif()
run(${WORK}/examples/xpath_cpp ${post} //p)
if(NOT last_output MATCHES "^27 matches\np\t　　来源： 健康上海12320\n" OR NOT last_output MATCHES "\np\t责任编辑：刘万里 SF014\n$")
  message(FATAL_ERROR "unexpected XPath example output: ${last_output}")
endif()
run(${WORK}/examples/xpath_cpp ${post} //img/@src)
if(NOT last_output STREQUAL "1 match\nimg\thttps://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png\n")
  message(FATAL_ERROR "unexpected XPath example output: ${last_output}")
endif()

# pkg-config users: compile and link the C example by hand.
set(ENV{PKG_CONFIG_PATH} ${stage}/lib/pkgconfig)
run(pkg-config --cflags --libs postparse)
separate_arguments(flags UNIX_COMMAND "${last_output}")
run(cc -std=c99 ${san_flags} ${SOURCE}/examples/c/front_matter.c ${flags} -Wl,-rpath,${stage}/lib -o ${WORK}/front_matter_pc)
run(${WORK}/front_matter_pc ${SEED})
run(cc -std=c99 -pedantic ${san_flags} ${SOURCE}/examples/c/paragraphs.c ${flags} -Wl,-rpath,${stage}/lib -o ${WORK}/paragraphs_pc)
run(${WORK}/paragraphs_pc ${post})
message(STATUS "installed package works through find_package and pkg-config")
